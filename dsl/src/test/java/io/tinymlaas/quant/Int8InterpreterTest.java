package io.tinymlaas.quant;

import io.tinymlaas.ops.TflmParams;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.arith.SoftmaxScaling;
import io.tinymlaas.quant.arith.TflmArith;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8InterpreterTest {
    private static final Random RANDOM = new Random(3);

    /** input (4,4,2) → conv 3x3 same → max pool 2 → reshape → dense 3 → softmax. */
    static Graph smallGraph() {
        List<TensorSpec> tensors = List.of(
                new TensorSpec("input", Shape.of(4, 4, 2), 0.02f, -5),
                new TensorSpec("conv", Shape.of(4, 4, 3), 0.05f, -128),
                new TensorSpec("pool", Shape.of(2, 2, 3), 0.05f, -128),
                new TensorSpec("flat", Shape.of(12), 0.05f, -128),
                new TensorSpec("dense", Shape.of(3), 0.1f, 7),
                new TensorSpec("softmax", Shape.of(3), 1f / 256, -128));
        SoftmaxScaling s = SoftmaxScaling.of(0.1f, 1f);
        List<Op> ops = List.of(
                weighted(OpKind.CONV_2D, "conv", 0, 1, new Window(3, 3, 1, 1, 1, 1), 3 * 9 * 2, 3, 0.02f, 0.05f, -100),
                new Op(OpKind.MAX_POOL_2D, "pool", 1, 2, new Window(2, 2, 2, 2, 0, 0), new byte[0], new int[0],
                        new int[0], new int[0], -128, 127, 0),
                new Op(OpKind.RESHAPE, "flat", 2, 3, Window.NONE, new byte[0], new int[0], new int[0], new int[0], -128, 127, 0),
                weighted(OpKind.FULLY_CONNECTED, "dense", 3, 4, Window.NONE, 3 * 12, 3, 0.05f, 0.1f, -128),
                new Op(OpKind.SOFTMAX, "softmax", 4, 5, Window.NONE, new byte[0], new int[0],
                        new int[] {s.inputMultiplier()}, new int[] {s.inputLeftShift()}, -128, 127, s.diffMin()));
        return new Graph(tensors, ops, 0, 5);
    }

    private static Op weighted(OpKind kind, String name, int in, int out, Window w, int weightCount, int channels,
                                   float inScale, float outScale, int actMin) {
        byte[] weights = new byte[weightCount];
        RANDOM.nextBytes(weights);
        int[] bias = new int[channels];
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        for (int c = 0; c < channels; c++) {
            bias[c] = RANDOM.nextInt(200) - 100;
            TflmArith.QuantizedMultiplier q = TflmParams.outputMultiplier(inScale, 0.005f * (c + 1), outScale);
            multipliers[c] = q.multiplier();
            shifts[c] = q.shift();
        }
        return new Op(kind, name, in, out, w, weights, bias, multipliers, shifts, actMin, 127, 0);
    }

    @Test
    void traceRunsEveryOpOnItsInputTensorAndRunReturnsTheOutputTensor() {
        Graph g = smallGraph();
        byte[] input = new byte[32];
        RANDOM.nextBytes(input);
        List<byte[]> trace = Int8Interpreter.trace(g, input);
        assertEquals(6, trace.size());
        assertArrayEquals(input, trace.get(0));
        assertArrayEquals(trace.get(5), Int8Interpreter.run(g, input));
        byte[] conv = runAlone(OpKind.CONV_2D, g, 0, input);
        assertArrayEquals(conv, trace.get(1));
        byte[] pool = runAlone(OpKind.MAX_POOL_2D, g, 1, conv);
        assertArrayEquals(pool, trace.get(2));
        assertArrayEquals(pool, trace.get(3), "reshape copies bytes");
        byte[] dense = runAlone(OpKind.FULLY_CONNECTED, g, 3, pool);
        assertArrayEquals(dense, trace.get(4));
        assertArrayEquals(runAlone(OpKind.SOFTMAX, g, 4, dense), trace.get(5));
    }

    /** Op {@code i} of {@code g} run alone by the kernel of {@code kind}, on {@code input}. */
    private static byte[] runAlone(OpKind kind, Graph g, int i, byte[] input) {
        Op op = g.ops().get(i);
        TensorSpec out = g.tensors().get(op.output());
        byte[] result = new byte[out.shape().size()];
        kind.kernel().eval(op, g.tensors().get(op.input()), out, input, result);
        return result;
    }

    @Test
    void fusedActivationClampHoldsOnTheConvOutput() {
        Graph g = smallGraph();
        int clamped = 0;
        for (int trial = 0; trial < 20; trial++) {
            byte[] input = new byte[32];
            RANDOM.nextBytes(input);
            for (byte b : Int8Interpreter.trace(g, input).get(1)) {
                assertTrue(b >= -100, "activationMin -100 holds, got " + b);
                clamped += b == -100 ? 1 : 0;
            }
        }
        assertTrue(clamped > 0, "some outputs reach the clamp");
    }

    @Test
    void wrongInputSizeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Int8Interpreter.run(smallGraph(), new byte[31]));
        assertEquals("input has 31 bytes but tensor 'input' of shape (4, 4, 2) needs 32", e.getMessage());
    }
}
