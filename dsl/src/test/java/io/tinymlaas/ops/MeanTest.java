package io.tinymlaas.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** MEAN over height and width: TFLM's integer arithmetic on a worked case, and against real averages. */
class MeanTest {
    /** A MEAN op as a .tflite stores it: no constants of its own. */
    private static Op stored() {
        return new Op(OpKind.MEAN, "mean", 0, 1, Window.NONE, FusedActivation.NONE, Int8Params.NONE);
    }

    private static byte[] run(TensorSpec in, TensorSpec out, byte[] input) {
        Int8Params p = OpKind.MEAN.kernel().prepare(stored(), in, out);
        byte[] output = new byte[out.bytes()];
        OpKind.MEAN.kernel().eval(new Op(OpKind.MEAN, "mean", 0, 1, Window.NONE, p.weights(), p.bias(), p.multipliers(), p.shifts(),
                p.activationMin(), p.activationMax(), p.diffMin()), in, out, input, output);
        return output;
    }

    /** The case of firmware/test/test_kernels.c: equal scales, sums 101 and -11 over 4 cells. */
    @Test
    void roundsTwiceAsTflmDoes() {
        TensorSpec in = new TensorSpec("in", Shape.of(2, 2, 2), 0.5f, 0);
        TensorSpec out = new TensorSpec("out", Shape.of(2), 0.5f, 0);
        Int8Params p = OpKind.MEAN.kernel().prepare(stored(), in, out);
        assertArrayEquals(new int[] {1 << 30}, p.multipliers(), "QuantizeMultiplier(1.0) = 2^30 with shift 1");
        assertArrayEquals(new int[] {-1}, p.shifts(), "1/4 folded in: shift 1 - 2");
        // 25.25 is 26, not 25: the Q31 product 50.5 rounds up to 51, then 51 / 2 rounds up again
        assertArrayEquals(new byte[] {26, -3}, run(in, out, new byte[] {10, -3, 20, -3, 30, -3, 41, -2}));
    }

    /** Any shape, scales and zero points: within one output step of the real average, or clamped. */
    @Test
    void staysWithinOneStepOfTheRealAverage() {
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int h = 1 + random.nextInt(12);
            int w = 1 + random.nextInt(12);
            int c = 1 + random.nextInt(5);
            float inScale = 0.001f + random.nextFloat() * 0.2f;
            float outScale = inScale * (0.05f + random.nextFloat() * 3f);
            TensorSpec in = new TensorSpec("in", Shape.of(h, w, c), inScale, random.nextInt(256) - 128);
            TensorSpec out = new TensorSpec("out", Shape.of(c), outScale, random.nextInt(256) - 128);
            byte[] input = new byte[in.bytes()];
            random.nextBytes(input);
            byte[] output = run(in, out, input);
            for (int ch = 0; ch < c; ch++) {
                double sum = 0;
                for (int p = 0; p < h * w; p++) {
                    sum += inScale * (input[p * c + ch] - in.zeroPoint());
                }
                double exact = sum / (h * w) / outScale + out.zeroPoint();
                double expected = Math.max(-128, Math.min(127, exact));
                assertTrue(Math.abs(output[ch] - expected) <= 1.0, "trial " + trial + " channel " + ch + ": " + output[ch]
                        + " for " + exact + " (" + h + "x" + w + ", scales " + inScale + " -> " + outScale + ")");
            }
        }
    }
}
