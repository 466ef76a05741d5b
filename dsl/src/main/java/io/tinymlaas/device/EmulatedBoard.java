package io.tinymlaas.device;

/**
 * A board that runs here as a child process (host, qemu-m4) and names the pty its firmware talks on:
 * the Java side opens that pty like a USB board, and closing the board stops the process.
 */
abstract class EmulatedBoard implements Board {
    private final String name;
    private final BoardProcess process;
    private final int startMillis;
    private final Pace pace;
    private final String processName;
    private final String ptyPath;

    /**
     * Waits up to {@code startMillis} for {@code process} to name its pty, and stops it if it does not.
     * {@code processName} is what {@link #state()} calls the process once it has stopped.
     */
    EmulatedBoard(String name, BoardProcess process, int startMillis, Pace pace, String processName) {
        this.name = name;
        this.process = process;
        this.startMillis = startMillis;
        this.pace = pace;
        this.processName = processName;
        try {
            this.ptyPath = process.ptyPath(startMillis);
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
    public final String name() {
        return name;
    }

    @Override
    public final Port open() {
        return JSerialPort.open(ptyPath);
    }

    @Override
    public final int startMillis() {
        return startMillis;
    }

    @Override
    public final Pace pace() {
        return pace;
    }

    @Override
    public final String state() {
        String exit = process.exitSummary();
        return exit.isEmpty() ? process.frozenSummary() : " — " + processName + " stopped" + exit;
    }

    @Override
    public final void close() {
        process.close();
    }
}
