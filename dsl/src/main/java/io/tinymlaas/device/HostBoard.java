package io.tinymlaas.device;

import io.tinymlaas.codegen.FirmwareHome;

import java.nio.file.Path;
import java.util.List;

/**
 * The runtime built with gcc into a program on this machine. It opens a pseudo-terminal and prints
 * its path on its first line; the Java side talks to that pty like to a USB board.
 */
final class HostBoard extends EmulatedBoard {
    private static final String NAME = "host";
    private static final int START_MILLIS = 10_000;
    private static final int INFER_MILLIS = 10_000;

    private HostBoard(BoardProcess process) {
        super(NAME, process, START_MILLIS, INFER_MILLIS, "the host board process");
    }

    static HostBoard start() {
        Path program = FirmwareHome.locate().build("host", "../build/firmware/host/tinyml-host");
        return new HostBoard(BoardProcess.start(NAME, List.of(program.toString()), "rebuild it with make -C firmware host"));
    }
}
