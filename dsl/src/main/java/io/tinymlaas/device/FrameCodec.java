package io.tinymlaas.device;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Packets to wire frames and back, per {@code docs/protocol.md}: version, code, seq, payload and a
 * CRC32, COBS-encoded and ended by one 0x00.
 */
final class FrameCodec {
    static final int VERSION = 1;
    static final int HEADER_BYTES = 4;
    static final int CRC_BYTES = 4;
    static final byte DELIMITER = 0;
    private static final int COBS_BLOCK = 254;

    private FrameCodec() {
    }

    /** The wire bytes of a packet, delimiter included. */
    static byte[] encode(Packet p) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + p.payload().length + CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) VERSION).put((byte) p.code()).putShort((short) p.seq()).put(p.payload());
        b.putInt(crc(b.array(), b.position()));
        byte[] cobs = cobsEncode(b.array());
        byte[] frame = Arrays.copyOf(cobs, cobs.length + 1);
        frame[cobs.length] = DELIMITER;
        return frame;
    }

    /** A packet from the bytes of one frame between delimiters (delimiter excluded). */
    static Packet decode(byte[] frame, int length) {
        byte[] packet = cobsDecode(frame, length);
        if (packet.length < HEADER_BYTES + CRC_BYTES) {
            throw new FrameException("packet of " + packet.length + " bytes, shorter than the " + (HEADER_BYTES + CRC_BYTES) + " of an empty one");
        }
        ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        int end = packet.length - CRC_BYTES;
        int expected = b.getInt(end);
        int actual = crc(packet, end);
        if (expected != actual) {
            throw new FrameException(String.format("packet CRC 0x%08x but its bytes give 0x%08x", expected, actual));
        }
        int version = packet[0] & 0xFF;
        if (version != VERSION) {
            throw new FrameException("protocol version " + version + ", this side speaks " + VERSION);
        }
        return new Packet(packet[1] & 0xFF, b.getShort(2) & 0xFFFF, Arrays.copyOfRange(packet, HEADER_BYTES, end));
    }

    static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /** Consistent Overhead Byte Stuffing: the result holds no 0x00. */
    static byte[] cobsEncode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / COBS_BLOCK + 2);
        int start = 0;
        while (true) {
            int run = 0;   // non-zero bytes in this block
            while (start + run < data.length && data[start + run] != 0 && run < COBS_BLOCK) {
                run++;
            }
            out.write(run + 1);
            out.write(data, start, run);
            start += run;
            if (run == COBS_BLOCK) {
                if (start == data.length) {
                    break;   // a full block ends the data: no implicit zero follows
                }
                continue;
            }
            if (start == data.length) {
                break;
            }
            start++;   // the zero this block's code stands for
        }
        return out.toByteArray();
    }

    static byte[] cobsDecode(byte[] frame, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        int i = 0;
        while (i < length) {
            int code = frame[i] & 0xFF;
            if (code == 0) {
                throw new FrameException("COBS frame holds a 0x00 at byte " + i);
            }
            if (i + code > length) {
                throw new FrameException("COBS block at byte " + i + " claims " + (code - 1) + " bytes, only " + (length - i - 1) + " follow");
            }
            for (int k = i + 1; k < i + code; k++) {
                if (frame[k] == 0) {
                    throw new FrameException("COBS frame holds a 0x00 at byte " + k);
                }
                out.write(frame[k]);
            }
            i += code;
            if (code != COBS_BLOCK + 1 && i < length) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** A frame that is not a readable packet (bad COBS, too short, bad CRC, other version). */
    static final class FrameException extends RuntimeException {
        FrameException(String message) {
            super(message);
        }
    }
}
