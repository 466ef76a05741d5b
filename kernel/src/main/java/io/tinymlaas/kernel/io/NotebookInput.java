package io.tinymlaas.kernel.io;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * System.in in the notebook: when a cell reads and nothing is left, it asks the front end for a
 * line (an input box under the cell) and serves that line's bytes and a newline. Scanner,
 * BufferedReader and {@code System.in.read()} all work; there is no end of input.
 */
public final class NotebookInput extends InputStream {

    /** Where lines come from: the front end of the running cell. */
    public interface LineSource {
        /** The next line the user types, without its newline; throws when nobody can type one. */
        String readLine(String prompt);
    }

    private final LineSource source;
    private byte[] pending = new byte[0];
    private int next;

    public NotebookInput(LineSource source) {
        this.source = source;
    }

    @Override
    public synchronized int read() {
        fill();
        return pending[next++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        fill();
        int count = Math.min(length, pending.length - next);
        System.arraycopy(pending, next, bytes, offset, count);
        next += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return pending.length - next;
    }

    private void fill() {
        if (next < pending.length) {
            return;
        }
        pending = (source.readLine("") + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
    }
}
