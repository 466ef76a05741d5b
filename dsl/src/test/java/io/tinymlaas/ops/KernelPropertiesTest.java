package io.tinymlaas.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.ops.TflmParams;
import io.tinymlaas.quant.arith.SoftmaxScaling;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kernels against each other and against real arithmetic on random data. */
class KernelPropertiesTest {
    private final Random random = new Random(11);

    @Test
    void depthwiseEqualsConvWithAChannelDiagonalFilter() {
        for (int trial = 0; trial < 20; trial++) {
            int h = 3 + random.nextInt(5);
            int w = 3 + random.nextInt(5);
            int c = 1 + random.nextInt(4);
            int k = 1 + random.nextInt(3);
            int stride = 1 + random.nextInt(2);
            int outH = (h + stride - 1) / stride;
            int outW = (w + stride - 1) / stride;
            Window window = new Window(k, k, stride, stride, TflmParams.samePadding(stride, h, k, outH),
                    TflmParams.samePadding(stride, w, k, outW));
            byte[] depthwiseFilter = randomBytes(k * k * c);
            byte[] convFilter = new byte[c * k * k * c];
            for (int o = 0; o < c; o++) {
                for (int i = 0; i < k * k; i++) {
                    convFilter[(o * k * k + i) * c + o] = depthwiseFilter[i * c + o];
                }
            }
            int[] bias = new int[c];
            int[] multipliers = new int[c];
            int[] shifts = new int[c];
            for (int o = 0; o < c; o++) {
                bias[o] = random.nextInt(2001) - 1000;
                QuantizedMultiplier q = TflmParams.outputMultiplier(0.02f, 0.001f + random.nextFloat() * 0.01f, 0.05f);
                multipliers[o] = q.multiplier();
                shifts[o] = q.shift();
            }
            TensorSpec in = new TensorSpec("in", Shape.of(h, w, c), 0.02f, random.nextInt(256) - 128);
            TensorSpec out = new TensorSpec("out", Shape.of(outH, outW, c), 0.05f, random.nextInt(256) - 128);
            byte[] input = randomBytes(h * w * c);
            byte[] viaDepthwise = new byte[out.bytes()];
            byte[] viaConv = new byte[out.bytes()];
            OpKind.DEPTHWISE_CONV_2D.kernel().eval(new Op(OpKind.DEPTHWISE_CONV_2D, "dw", 0, 1, window, depthwiseFilter, bias,
                    multipliers, shifts, -100, 120, 0), in, out, input, viaDepthwise);
            OpKind.CONV_2D.kernel().eval(new Op(OpKind.CONV_2D, "conv", 0, 1, window, convFilter, bias,
                    multipliers, shifts, -100, 120, 0), in, out, input, viaConv);
            assertArrayEquals(viaConv, viaDepthwise);
        }
    }

    @Test
    void fullyConnectedIsWithinOneStepOfTheRealResult() {
        float inScale = 0.03f;
        float outScale = 0.2f;
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            int m = 1 + random.nextInt(8);
            int inZp = random.nextInt(256) - 128;
            int outZp = random.nextInt(256) - 128;
            byte[] weights = randomBytes(n * m);
            float[] weightScales = new float[m];
            int[] bias = new int[m];
            int[] multipliers = new int[m];
            int[] shifts = new int[m];
            for (int o = 0; o < m; o++) {
                weightScales[o] = 0.001f + random.nextFloat() * 0.01f;
                bias[o] = random.nextInt(4001) - 2000;
                QuantizedMultiplier q = TflmParams.outputMultiplier(inScale, weightScales[o], outScale);
                multipliers[o] = q.multiplier();
                shifts[o] = q.shift();
            }
            byte[] input = randomBytes(n);
            byte[] output = new byte[m];
            OpKind.FULLY_CONNECTED.kernel().eval(new Op(OpKind.FULLY_CONNECTED, "fc", 0, 1, Window.NONE, weights, bias,
                    multipliers, shifts, -128, 127, 0), new TensorSpec("in", Shape.of(n), inScale, inZp),
                    new TensorSpec("out", Shape.of(m), outScale, outZp), input, output);
            for (int o = 0; o < m; o++) {
                double real = bias[o] * (double) inScale * weightScales[o];
                for (int d = 0; d < n; d++) {
                    real += weights[o * n + d] * (double) weightScales[o] * inScale * (input[d] - inZp);
                }
                double expected = Math.max(-128, Math.min(127, real / outScale + outZp));
                assertTrue(Math.abs(output[o] - expected) <= 1.0, "output " + output[o] + " vs real " + expected);
            }
        }
    }

    @Test
    void softmaxKeepsTheArgmaxAndSumsToOne() {
        SoftmaxScaling s = SoftmaxScaling.of(0.15f, 1.0f);
        Op op = new Op(OpKind.SOFTMAX, "softmax", 0, 1, Window.NONE, new byte[0], new int[0],
                new int[] {s.inputMultiplier()}, new int[] {s.inputLeftShift()}, -128, 127, s.diffMin());
        for (int trial = 0; trial < 200; trial++) {
            byte[] input = randomBytes(10);
            byte[] output = new byte[10];
            OpKind.SOFTMAX.kernel().eval(op, new TensorSpec("in", Shape.of(10), 0.15f, 3), new TensorSpec("out", Shape.of(10), 1f / 256, -128),
                    input, output);
            double sum = 0;
            int argmaxIn = 0;
            int argmaxOut = 0;
            for (int i = 0; i < 10; i++) {
                sum += (output[i] + 128) / 256.0;
                argmaxIn = input[i] > input[argmaxIn] ? i : argmaxIn;
                argmaxOut = output[i] > output[argmaxOut] ? i : argmaxOut;
            }
            assertEquals(input[argmaxIn], input[argmaxOut], "the largest score stays the largest");
            assertEquals(1.0, sum, 10 / 256.0 + 1e-9);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
