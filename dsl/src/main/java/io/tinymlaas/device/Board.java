package io.tinymlaas.device;

/**
 * Something that runs the TinyMLaaS firmware and gives a serial {@link Port} to it: an emulated
 * board started here (host, qemu-m4: an {@link EmulatedBoard}) or a real one on a serial port. Closing it stops what it started.
 */
interface Board extends AutoCloseable {

    /** The name {@code Device.open} knows it by, e.g. "host". */
    String name();

    /** Opens the serial port to the running firmware. */
    Port open();

    /** How long the firmware may take to answer its first HELLO after {@link #open()}. */
    int startMillis();

    /** How long a try of a request may take on this board, by its size and the model's work. */
    Pace pace();

    /**
     * Why the board cannot answer (e.g. " — the host board process stopped (exit code 1)", or its
     * process is stopped by SIGSTOP), or empty while it may.
     */
    String state();

    @Override
    void close();
}
