package io.tinymlaas.device;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCodecTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void encodesTheExamplesOfTheProtocolDocument() {
        assertEquals("04 01 01 01 05 0f e3 21 81 00",
                HEX.formatHex(FrameCodec.encode(new Packet(0x01, 1, new byte[0]))));
        assertEquals("04 01 20 07 02 80 06 7f c1 7a 18 af 00",
                HEX.formatHex(FrameCodec.encode(new Packet(0x20, 7, HEX.parseHex("80 00 7f")))));
    }

    @Test
    void cobsMatchesKnownVectors() {
        assertCobs("", "01");
        assertCobs("00", "01 01");
        assertCobs("00 00", "01 01 01");
        assertCobs("11 22 00 33", "03 11 22 02 33");
        assertCobs("11 00", "02 11 01");
        byte[] full = new byte[254];
        Arrays.fill(full, (byte) 7);
        byte[] encoded = FrameCodec.cobsEncode(full);
        assertEquals(255, encoded.length);
        assertEquals((byte) 0xFF, encoded[0]);
        byte[] longer = Arrays.copyOf(full, 255);
        longer[254] = 9;
        byte[] two = FrameCodec.cobsEncode(longer);
        assertEquals(257, two.length);
        assertEquals("02 09", HEX.formatHex(two, 255, 257));
    }

    private static void assertCobs(String data, String expected) {
        byte[] raw = data.isEmpty() ? new byte[0] : HEX.parseHex(data);
        byte[] encoded = FrameCodec.cobsEncode(raw);
        assertEquals(expected, HEX.formatHex(encoded));
        assertArrayEquals(raw, FrameCodec.cobsDecode(encoded, encoded.length));
    }

    @Test
    void roundTripsPayloadsOfEverySizeAroundTheCobsBlock() {
        Random random = new Random(1);
        int[] sizes = {0, 1, 245, 246, 247, 250, 253, 254, 255, 500, 508, 509, 4096, 16384};
        for (int size : sizes) {
            for (int zeros : new int[] {0, 1, 3, 100}) {   // percent of zero bytes
                byte[] payload = new byte[size];
                for (int i = 0; i < size; i++) {
                    payload[i] = random.nextInt(100) < zeros ? 0 : (byte) (1 + random.nextInt(255));
                }
                int seq = 1 + random.nextInt(65535);
                byte[] wire = FrameCodec.encode(new Packet(0x20, seq, payload));
                for (int i = 0; i < wire.length - 1; i++) {
                    assertTrue(wire[i] != 0, "a 0x00 inside the frame at " + i + " for size " + size);
                }
                assertEquals(0, wire[wire.length - 1]);
                Packet back = FrameCodec.decode(wire, wire.length - 1);
                assertEquals(0x20, back.code());
                assertEquals(seq, back.seq());
                assertArrayEquals(payload, back.payload(), "size " + size);
            }
        }
    }

    @Test
    void rejectsGarbage() {
        Random random = new Random(2);
        for (int i = 0; i < 1000; i++) {
            byte[] garbage = new byte[1 + random.nextInt(64)];
            random.nextBytes(garbage);
            for (int k = 0; k < garbage.length; k++) {
                garbage[k] = garbage[k] == 0 ? 1 : garbage[k];
            }
            assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.decode(garbage, garbage.length));
        }
        byte[] withZero = {3, 1, 0, 1};
        assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.decode(withZero, withZero.length));
    }

    @Test
    void decodesAnyBytesToAPacketOrAFrameException() {
        Random random = new Random(3);
        byte[] valid = FrameCodec.encode(new Packet(0x02, 5, new byte[300]));
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = i % 2 == 0 ? new byte[random.nextInt(600)] : valid.clone();
            if (i % 2 == 0) {
                random.nextBytes(bytes);
            } else {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                FrameCodec.decode(bytes, bytes.length - (i % 2));
            } catch (FrameCodec.FrameException expected) {
                // the only way a frame may fail
            }
        }
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] wire = FrameCodec.encode(new Packet(0x11, 300, HEX.parseHex("00 01 00 00 05 06 07")));
        for (int length = 0; length < wire.length - 1; length++) {
            int cut = length;
            assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.decode(wire, cut), "cut at " + cut);
        }
    }

    @Test
    void rejectsEverySingleBitFlip() {
        byte[] wire = FrameCodec.encode(new Packet(0x20, 9, HEX.parseHex("80 00 7f 12 34")));
        for (int bit = 0; bit < 8 * (wire.length - 1); bit++) {
            byte[] bad = wire.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.decode(bad, bad.length - 1), "bit " + bit);
        }
    }

    @Test
    void namesABadCrcAndAnotherVersion() {
        byte[] packet = HEX.parseHex("01 01 01 00 0f e3 21 82");
        byte[] cobs = FrameCodec.cobsEncode(packet);
        var crc = assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.decode(cobs, cobs.length));
        assertTrue(crc.getMessage().contains("CRC"), crc.getMessage());

        byte[] v2 = HEX.parseHex("02 01 01 00 00 00 00 00");
        int c = FrameCodec.crc(v2, 4);
        for (int k = 0; k < 4; k++) {
            v2[4 + k] = (byte) (c >>> (8 * k));
        }
        byte[] v2cobs = FrameCodec.cobsEncode(v2);
        var version = assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.decode(v2cobs, v2cobs.length));
        assertTrue(version.getMessage().contains("version 2"), version.getMessage());
    }
}
