package io.tinymlaas.device;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** One decoded protocol packet: command or answer code, sequence number, payload. */
record Packet(int code, int seq, byte[] payload) {

    /** The payload as a little-endian buffer, positioned at 0. */
    ByteBuffer body() {
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    }
}
