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
    /** A pty moves bytes at memory speed and the runtime does a MAC in a few ns: a second covers a loaded machine. */
    private static final Pace PACE = new Pace(1_000, 0.05, 0.02);

    private HostBoard(BoardProcess process) {
        super(NAME, process, START_MILLIS, PACE, "the host board process");
    }

    static HostBoard start() {
        Path program = FirmwareHome.locate().build("host", "host/tinyml-host");
        return new HostBoard(BoardProcess.start(NAME, List.of(program.toString()), "rebuild it with make -C firmware host"));
    }
}
