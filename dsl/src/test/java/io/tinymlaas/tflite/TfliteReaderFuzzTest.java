package io.tinymlaas.tflite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tinymlaas.quant.QuantizedModel;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * 100,000 files that are not valid models — random bytes, and valid exports with bytes flipped,
 * words overwritten with awkward values, or cut short — read by {@code QuantizedModel.loadTflite}:
 * each one is either read or refused with {@link TfliteFormatException}, never another exception,
 * a hang or an out-of-memory error.
 */
class TfliteReaderFuzzTest {
    private static final int CASES = 100_000;
    private static final int[] AWKWARD = {0, 1, -1, 4, 8, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 1 << 20};

    @Test
    void onlyTheDocumentedExceptionForAnyBytes() {
        Random random = new Random(2026);
        List<byte[]> valid = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            valid.add(TfliteWriter.toBytes(TfliteModels.randomGraph(random)));
        }
        int read = 0;
        int refused = 0;
        for (int n = 0; n < CASES; n++) {
            byte[] file = n % 4 == 0 ? randomBytes(random) : mutated(valid.get(random.nextInt(valid.size())), random);
            try {
                QuantizedModel.loadTflite(file);
                read++;
            } catch (TfliteFormatException e) {
                refused++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("case " + n + ": " + e + " for the " + file.length + " bytes "
                        + HexFormat.of().formatHex(file, 0, Math.min(file.length, 256)), e);
            }
        }
        System.out.println("tflite fuzz: " + CASES + " cases, " + read + " read, " + refused + " refused");
        assertTrue(refused > CASES / 2 && read > 0, read + " read, " + refused + " refused: both paths must be exercised");
    }

    /** Random bytes, half of them with TFLite's identifier and a root offset that lands inside. */
    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(600)];
        random.nextBytes(b);
        if (b.length >= 8 && random.nextBoolean()) {
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 8 + random.nextInt(b.length - 7) & ~3);
            System.arraycopy("TFL3".getBytes(), 0, b, 4, 4);
        }
        return b;
    }

    private static byte[] mutated(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                ByteBuffer words = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    words.putInt(random.nextInt(b.length / 4) * 4, AWKWARD[random.nextInt(AWKWARD.length)]);
                }
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            default -> {
                int at = random.nextInt(b.length);
                b[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return b;
    }
}
