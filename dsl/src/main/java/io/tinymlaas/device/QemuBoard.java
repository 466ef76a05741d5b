package io.tinymlaas.device;

import io.tinymlaas.codegen.FirmwareHome;

import java.nio.file.Path;
import java.util.List;

/**
 * The runtime built with arm-none-eabi-gcc for an MPS2-AN386 (Cortex-M4) and run by
 * {@code qemu-system-arm} with its UART0 on a pty. {@code -icount shift=N} makes the emulated clock
 * follow the instruction count, so INFER reports a repeatable instruction count.
 */
final class QemuBoard extends EmulatedBoard {
    /** QEMU notices its pty was opened only about once a second and drops earlier bytes: HELLO is pinged this long. */
    private static final int START_MILLIS = 15_000;
    /**
     * QEMU's UART moves ~15–50 KB/s and its Cortex-M4 runs some hundred million instructions a second
     * (a few per MAC): allowances of about 3× the slowest seen, for a machine shared by other work.
     */
    private static final Pace PACE = new Pace(2_000, 200, 1.0);
    /** Each instruction takes 2^7 ns of virtual time: the firmware's 25 MHz timer then counts instructions exactly. */
    private static final int ICOUNT_SHIFT = 7;

    private final Path elf;

    private QemuBoard(String name, BoardProcess process, Path elf) {
        super(name, process, START_MILLIS, PACE, "qemu-system-arm");
        this.elf = elf;
    }

    /** The board with the DSP kernels (firmware/runtime/tm_*_dsp.c), as a Cortex-M4 runs them. */
    static QemuBoard start() {
        return start("qemu-m4", "mps2", "mps2/tinyml-mps2.elf");
    }

    /** The same board with the portable C kernels: "qemu-m4-portable", for differential tests and benchmarks. */
    static QemuBoard startPortable() {
        return start("qemu-m4-portable", "mps2-portable", "mps2-portable/tinyml-mps2.elf");
    }

    private static QemuBoard start(String name, String makeTarget, String elfPath) {
        FirmwareHome firmware = FirmwareHome.locate();
        Path elf = firmware.build(makeTarget, elfPath);
        // QEMU does not notice that the JVM is gone: the watcher ends it when the JVM's pipe closes.
        Path watch = firmware.build("watch", "watch/tinyml-watch");
        BoardProcess process = BoardProcess.start(name, List.of(watch.toString(), "qemu-system-arm",
                "-M", "mps2-an386", "-nographic", "-monitor", "none", "-icount", "shift=" + ICOUNT_SHIFT,
                "-kernel", elf.toString(), "-serial", "pty"),
                "install QEMU (Debian: apt-get install --no-install-recommends qemu-system-arm)");
        return new QemuBoard(name, process, elf);
    }

    /** Flash and RAM of the firmware image, from {@code arm-none-eabi-size}. */
    ElfSize elfSize() {
        return ElfSize.of(elf);
    }
}
