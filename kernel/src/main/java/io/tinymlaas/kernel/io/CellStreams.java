package io.tinymlaas.kernel.io;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Replaces System.out and System.err so that whatever a cell prints, from any thread it started,
 * reaches the notebook while the cell runs. A daemon flushes every {@value #FLUSH_MILLIS} ms.
 */
public final class CellStreams {

    static final long FLUSH_MILLIS = 25;

    private final StreamBuffer out;
    private final StreamBuffer err;

    /** {@code sink} receives (stream name, text): "stdout" or "stderr". */
    public CellStreams(BiConsumer<String, String> sink) {
        out = new StreamBuffer("stdout", sink);
        err = new StreamBuffer("stderr", sink);
    }

    public void install() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Thread flusher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                flush();
            }
        }, "output-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Sends all pending output now: before a result, a display or the end of a cell. */
    public void flush() {
        System.out.flush();
        System.err.flush();
        out.drain();
        err.drain();
    }
}
