package io.tinymlaas.device;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * A stand-in board on a {@link Port}: decodes the frames written to it, answers each through a
 * function, and can be told to mangle, drop or precede its answers with garbage, or to vanish.
 */
final class ScriptedBoard implements Port {
    private final Function<Packet, Packet> answer;
    private final ByteArrayOutputStream incoming = new ByteArrayOutputStream();
    private final Deque<Byte> outgoing = new ArrayDeque<>();
    int requests;
    int corruptNext;
    int dropNext;
    byte[] garbageBefore = new byte[0];
    boolean gone;

    ScriptedBoard(Function<Packet, Packet> answer) {
        this.answer = answer;
    }

    @Override
    public void write(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                incoming.write(b);
                continue;
            }
            byte[] frame = incoming.toByteArray();
            incoming.reset();
            if (frame.length > 0) {
                requests++;
                reply(answer.apply(FrameCodec.decode(frame, frame.length)));
            }
        }
    }

    private void reply(Packet p) {
        if (dropNext > 0) {
            dropNext--;
            return;
        }
        for (byte b : garbageBefore) {
            outgoing.add(b);
        }
        byte[] wire = FrameCodec.encode(p);
        if (corruptNext > 0) {
            corruptNext--;
            wire[wire.length / 2] ^= 0x10;
        }
        for (byte b : wire) {
            outgoing.add(b);
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) {
        if (gone) {
            return -1;
        }
        if (outgoing.isEmpty()) {
            try {
                Thread.sleep(Math.min(timeoutMillis, 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
        int n = 0;
        while (n < buffer.length && !outgoing.isEmpty()) {
            buffer[n++] = outgoing.poll();
        }
        return n;
    }

    @Override
    public String path() {
        return "scripted";
    }

    @Override
    public void close() {
        gone = true;
    }
}
