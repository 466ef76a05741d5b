package io.tinymlaas.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Collects what a cell writes to stdout or stderr and hands it on as text in chunks: on a timer,
 * when the cell ends, and whenever a chunk is full (so megabytes of output stream steadily).
 */
final class StreamBuffer extends OutputStream {

    static final int CHUNK = 32 * 1024;

    private final String name;
    private final BiConsumer<String, String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    StreamBuffer(String name, BiConsumer<String, String> sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (pending.size() >= CHUNK) {
            drain();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        if (pending.size() >= CHUNK) {
            drain();
        }
    }

    /** Sends what is pending, keeping back the start of a UTF-8 character cut at the end. */
    synchronized void drain() {
        byte[] bytes = pending.toByteArray();
        int complete = completeUtf8Length(bytes);
        if (complete == 0) {
            return;
        }
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
        sink.accept(name, new String(Arrays.copyOf(bytes, complete), StandardCharsets.UTF_8));
    }

    static int completeUtf8Length(byte[] bytes) {
        int end = bytes.length;
        // Walk back over at most 3 continuation bytes to the lead byte of the last character.
        int i = end - 1;
        while (i >= 0 && i > end - 4 && (bytes[i] & 0xC0) == 0x80) {
            i--;
        }
        if (i < 0) {
            return end;
        }
        int lead = bytes[i] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return end - i >= needed ? end : i;
    }
}
