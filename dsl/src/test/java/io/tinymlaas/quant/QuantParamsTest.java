package io.tinymlaas.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantParamsTest {
    @Test
    void unitIntervalMapsOntoTheWholeInt8Range() {
        QuantParams p = QuantParams.asymmetric(0f, 1f);
        assertEquals(new QuantParams(1f / 255, -128), p);
        assertEquals(-128, p.quantize(0f));
        assertEquals(127, p.quantize(1f));
    }

    @Test
    void zeroIsExactForAnyRange() {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            float a = (random.nextFloat() - 0.7f) * 100;
            float b = a + random.nextFloat() * 50;
            QuantParams p = QuantParams.asymmetric(a, b);
            assertEquals(0f, p.dequantize(p.quantize(0f)), "0.0 in " + p);
            assertTrue(p.zeroPoint() >= -128 && p.zeroPoint() <= 127);
            assertTrue(p.scale() > 0);
            float lo = Math.min(a, 0f);
            float hi = Math.max(b, 0f);
            assertTrue(Math.abs(p.dequantize(p.quantize(lo)) - lo) <= p.scale() && Math.abs(p.dequantize(p.quantize(hi)) - hi) <= p.scale(),
                    "both ends of [" + lo + ", " + hi + "] representable with " + p);
        }
    }

    @Test
    void rangesAreWidenedToHoldZero() {
        assertEquals(QuantParams.asymmetric(0f, 5f), QuantParams.asymmetric(2f, 5f));
        assertEquals(127, QuantParams.asymmetric(-3f, -1f).zeroPoint());
    }

    @Test
    void aConstantZeroRangeGetsScaleOneInsteadOfZero() {
        assertEquals(new QuantParams(1f, -128), QuantParams.asymmetric(0f, 0f));
        assertEquals(new QuantParams(1f, -128), QuantParams.asymmetric(-1e-20f, 1e-20f));
    }

    @Test
    void nonFiniteRangesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuantParams.asymmetric(0f, Float.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("[0.0, Infinity]"), e.getMessage());
    }

    @Test
    void quantizeRoundsHalfAwayFromZeroAndSaturates() {
        QuantParams p = new QuantParams(0.5f, 0);
        assertArrayEquals(new byte[] {1, -1, 127, -128, 3},
                new byte[] {p.quantize(0.25f), p.quantize(-0.25f), p.quantize(1e30f), p.quantize(-1e30f), p.quantize(1.25f)});
    }

    @Test
    void weightsAreSymmetricPerChannelWithScaleOneForAZeroChannel() {
        // Conv/dense layout: channel outermost. Channel 1 is all zeros.
        PerChannelWeights w = PerChannelWeights.quantize(new float[] {0.5f, -1.27f, 0.01f, 0f, 0f, 0f, 2f, 0.5f, -2f}, 3, false);
        assertArrayEquals(new float[] {1.27f / 127, 1f, 2f / 127}, w.scales());
        assertArrayEquals(new byte[] {50, -127, 1, 0, 0, 0, 127, 32, -127}, w.values());
        // Depthwise layout: channel innermost.
        PerChannelWeights dw = PerChannelWeights.quantize(new float[] {1f, 0f, -0.25f, 0f}, 2, true);
        assertArrayEquals(new float[] {1f / 127, 1f}, dw.scales());
        assertArrayEquals(new byte[] {127, 0, -32, 0}, dw.values());
    }

    @Test
    void biasUsesInputScaleTimesWeightScale() {
        PerChannelWeights w = PerChannelWeights.quantize(new float[] {1f, 2f}, 2, false);
        int[] bias = w.quantizeBias(new float[] {0.5f, -1f}, 0.01f);
        assertEquals(Math.round(0.5 / (0.01f * (1f / 127))), bias[0]);
        assertEquals(-Math.round(1 / (0.01f * (2f / 127))), bias[1]);
    }
}
