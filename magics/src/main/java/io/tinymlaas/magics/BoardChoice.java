package io.tinymlaas.magics;

import io.tinymlaas.device.SerialPorts;

import java.io.File;
import java.util.List;
import java.util.Optional;

/**
 * Which board {@code %deploy} uses, and why, in one line: the one named; else a serial board
 * attached to this computer whose USB bridge boards of the {@code %target} carry; else the
 * emulated Cortex-M4 ({@code qemu-m4}); else, where QEMU or its cross compiler is missing, the
 * {@code host} board.
 *
 * @param board what {@code Device.open} takes: "host", "qemu-m4" or a port path
 */
record BoardChoice(String board, String why) {

    static final List<String> EMULATED = List.of("host", "qemu-m4");
    /** What the emulated Cortex-M4 needs on the PATH: the emulator and the cross compiler that builds its firmware. */
    static final List<String> QEMU_TOOLS = List.of("qemu-system-arm", "arm-none-eabi-gcc");

    static BoardChoice choose(String named, String target, List<SerialPorts.Attached> attached, boolean qemuUsable) {
        if (named != null && !named.isBlank()) {
            return new BoardChoice(named, named + ": the board named");
        }
        Optional<SerialPorts.Attached> serial = SerialPorts.boardFor(target, attached);
        if (serial.isPresent()) {
            SerialPorts.Attached port = serial.get();
            return new BoardChoice(port.path(), port.path() + ": a " + port.bridge().orElse(port.vidPid())
                    + " (" + port.vidPid() + ") is attached, the USB bridge of " + target + " boards");
        }
        String noSerial = SerialPorts.hasSerialBoards(target)
                ? "no " + target + " board is attached (no serial port with its USB bridge)"
                : "%target " + target + " is not a USB serial board";
        if (qemuUsable) {
            return new BoardChoice("qemu-m4", "qemu-m4, the emulated Cortex-M4: " + noSerial);
        }
        return new BoardChoice("host", "host, this computer: " + noSerial + ", and QEMU is missing (Debian: "
                + "apt-get install --no-install-recommends qemu-system-arm gcc-arm-none-eabi libnewlib-arm-none-eabi)");
    }

    /** True when every program the emulated Cortex-M4 needs is on the PATH. */
    static boolean qemuUsable() {
        return QEMU_TOOLS.stream().allMatch(BoardChoice::onPath);
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
