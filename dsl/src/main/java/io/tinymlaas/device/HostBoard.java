package io.tinymlaas.device;

import io.tinymlaas.codegen.FirmwareHome;

import java.nio.file.Path;
import java.util.List;

/**
 * The runtime built with gcc into a program on this machine. It opens a pseudo-terminal and prints
 * its path on its first line; the Java side talks to that pty like to a USB board.
 */
final class HostBoard implements Board {
    private static final int START_MILLIS = 10_000;

    private final BoardProcess process;
    private final String ptyPath;

    private HostBoard(BoardProcess process, String ptyPath) {
        this.process = process;
        this.ptyPath = ptyPath;
    }

    static HostBoard start() {
        Path program = FirmwareHome.locate().build("host", "../build/firmware/host/tinyml-host");
        BoardProcess process = BoardProcess.start("host", List.of(program.toString()), "rebuild it with make -C firmware host");
        try {
            return new HostBoard(process, process.ptyPath(START_MILLIS));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    String ptyPath() {
        return ptyPath;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public Port open() {
        return JSerialPort.open(ptyPath);
    }

    @Override
    public int startMillis() {
        return START_MILLIS;
    }

    @Override
    public int inferMillis() {
        return 10_000;
    }

    @Override
    public String state() {
        String exit = process.exitSummary();
        return exit.isEmpty() ? "" : " — the host board process stopped" + exit;
    }

    @Override
    public void close() {
        process.close();
    }
}
