package io.tinymlaas.device;

import java.util.function.Supplier;

/**
 * Request/answer exchanges with a board over a {@link Port} (docs/protocol.md). Every request is
 * preceded by a lone 0x00 (ends any garbage the board half-received) and carries a fresh seq, so a
 * late answer to an earlier try is recognised and dropped. A request is sent again when its answer
 * does not come in time, arrives corrupt, or the board reports it could not read the frame.
 */
final class SerialLink implements AutoCloseable {
    static final int DEFAULT_MAX_PAYLOAD = 256;
    private static final int SILENT_TRIES = 3;
    private static final int MAX_TRIES = 10;
    private static final int POLL_MILLIS = 50;
    /**
     * After a corrupt frame, or the board's report of an unreadable one, the answer to our request may
     * still come (the bad frame may have been garbage before it): we wait this share of a try's time
     * (at least {@link #MIN_GRACE_MILLIS}) before we send again.
     */
    private static final int GRACE_SHARE = 20;
    private static final int MIN_GRACE_MILLIS = 50;
    /** Largest frame accepted from a board: host and qemu-m4 send at most 16 KiB payloads. */
    private static final int MAX_FRAME = 65536;

    private final Port port;
    private final Supplier<String> boardState;
    private final byte[] chunk = new byte[4096];
    private int chunkPos;
    private int chunkLen;
    private final byte[] frame = new byte[MAX_FRAME];
    private int frameLen;
    private boolean frameOverflow;
    private int seq;
    /** System.nanoTime() when the last bytes came from the board. */
    private long lastHeard = System.nanoTime();
    /** What came instead of the answer during the last try, or null when nothing did. */
    private String lineFailure;

    /** {@code boardState} says why a board may have gone (e.g. its process exited); empty when unknown. */
    SerialLink(Port port, Supplier<String> boardState) {
        this.port = port;
        this.boardState = boardState;
    }

    String path() {
        return port.path();
    }

    /**
     * Sends a request and returns the board's success answer; an ERROR answer is thrown as
     * {@link BoardError}. Each try waits up to {@code timeoutMillis}. A board that stays silent gets
     * {@value #SILENT_TRIES} tries (fewer when its state says it cannot answer: exited, stopped); one
     * that answers with noise, or says it could not read the request, up to {@value #MAX_TRIES}.
     */
    Packet request(int command, byte[] payload, int timeoutMillis) {
        String failure = "";
        int tries = 0;
        int silent = 0;
        while (tries < MAX_TRIES && silent < SILENT_TRIES) {
            tries++;
            int mySeq = nextSeq();
            long sent = System.nanoTime();
            send(new Packet(command, mySeq, payload));
            long deadline = sent + timeoutMillis * 1_000_000L;
            failure = "no answer within " + timeoutMillis + " ms";
            Packet answer = awaitAnswer(command, mySeq, deadline, Math.max(MIN_GRACE_MILLIS, timeoutMillis / GRACE_SHARE));
            if (answer != null) {
                return answer;
            }
            if (lastHeard - sent < 0) {
                silent++;
                if (!boardState.get().isEmpty()) {
                    break;   // it cannot answer: say why now rather than after more tries
                }
            } else if (lineFailure != null) {
                failure = lineFailure;
            }
        }
        throw new DeviceException("the board at " + port.path() + " did not answer " + Commands.name(command) + " ("
                + payload.length + " bytes sent, " + tries + (tries == 1 ? " try" : " tries") + " of up to " + timeoutMillis
                + " ms each): last " + failure + boardState.get());
    }

    /**
     * The answer to request {@code mySeq} before the deadline, or null (then {@link #lineFailure}
     * says what came instead, if anything did).
     */
    private Packet awaitAnswer(int command, int mySeq, long deadline, int graceMillis) {
        lineFailure = null;
        while (true) {
            Packet answer;
            try {
                answer = receive(deadline);
            } catch (FrameCodec.FrameException e) {
                lineFailure = "a corrupt answer (" + e.getMessage() + ")";
                deadline = graceDeadline(deadline, graceMillis);   // garbage may come before the real answer
                continue;
            }
            if (answer == null) {
                return null;
            }
            if (answer.code() == Commands.ERROR && answer.seq() == 0) {
                BoardError error = BoardError.of(answer);
                if (!error.isUnreadableFrame()) {
                    throw error;
                }
                lineFailure = "the board could not read the request (" + error.codeName() + ")";
                deadline = graceDeadline(deadline, graceMillis);
                continue;
            }
            if (answer.seq() != mySeq) {
                continue;   // late answer to an earlier try
            }
            if (answer.code() == Commands.ERROR) {
                throw BoardError.of(answer);
            }
            if (answer.code() != (command | Commands.ANSWER)) {
                lineFailure = String.format("answer code 0x%02x to %s", answer.code(), Commands.name(command));
                return null;
            }
            return answer;
        }
    }

    /**
     * Sends HELLO every {@code intervalMillis} until a HELLO answer comes (QEMU drops what is sent before
     * it notices its pty was opened) and returns it.
     */
    Packet ping(int totalMillis, int intervalMillis) {
        long giveUp = System.nanoTime() + totalMillis * 1_000_000L;
        while (System.nanoTime() < giveUp) {
            send(new Packet(Commands.HELLO, nextSeq(), new byte[0]));
            long deadline = Math.min(giveUp, System.nanoTime() + intervalMillis * 1_000_000L);
            try {
                for (Packet p; (p = receive(deadline)) != null; ) {
                    if (p.code() == (Commands.HELLO | Commands.ANSWER)) {
                        return p;
                    }
                }
            } catch (FrameCodec.FrameException e) {
                // a frame cut by the startup: ping again
            }
        }
        throw new DeviceException("no board answered HELLO on " + port.path() + " within " + totalMillis + " ms"
                + boardState.get() + ": is it running the TinyMLaaS firmware?");
    }

    /** Bytes straight onto the wire (tests send garbage this way). */
    void sendRaw(byte[] bytes) {
        try {
            port.write(bytes);
        } catch (DeviceException e) {
            throw new DeviceException(e.getMessage() + boardState.get(), e);
        }
    }

    private void send(Packet p) {
        byte[] encoded = FrameCodec.encode(p);
        byte[] wire = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, wire, 1, encoded.length);
        sendRaw(wire);
    }

    /** The next non-empty frame before the deadline, decoded; null on timeout. Oversized frames are skipped. */
    private Packet receive(long deadline) {
        while (true) {
            if (chunkPos == chunkLen) {
                if (Thread.currentThread().isInterrupted()) {   // e.g. a notebook cell interrupted: a late answer is dropped by its seq
                    throw new DeviceException("interrupted while waiting for the board at " + port.path());
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return null;
                }
                int n = port.read(chunk, (int) Math.min(left, POLL_MILLIS));
                if (n < 0) {
                    throw new DeviceException("the board at " + port.path() + " is gone (its port can no longer be read)"
                            + boardState.get());
                }
                chunkPos = 0;
                chunkLen = n;
                if (n > 0) {
                    lastHeard = System.nanoTime();
                }
                continue;
            }
            byte b = chunk[chunkPos++];
            if (b != FrameCodec.DELIMITER) {
                if (frameLen == frame.length) {
                    frameOverflow = true;
                } else {
                    frame[frameLen++] = b;
                }
                continue;
            }
            int length = frameOverflow ? 0 : frameLen;
            frameLen = 0;
            frameOverflow = false;
            if (length > 0) {
                return FrameCodec.decode(frame, length);
            }
        }
    }

    private static long graceDeadline(long deadline, int graceMillis) {
        return Math.min(deadline, System.nanoTime() + graceMillis * 1_000_000L);
    }

    private int nextSeq() {
        seq = seq % 0xFFFF + 1;   // 1..65535, never 0
        return seq;
    }

    @Override
    public void close() {
        port.close();
    }
}
