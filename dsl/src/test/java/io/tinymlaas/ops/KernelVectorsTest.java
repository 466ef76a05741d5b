package io.tinymlaas.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.ops.TflmParams;
import io.tinymlaas.quant.VectorFiles;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;
import io.tinymlaas.quant.arith.TflmArith;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ops of test resource int8/tflm-kernels.txt (set up as its README describes) give TFLM's bytes. */
class KernelVectorsTest {
    private static final byte[] NONE = new byte[0];

    private static List<String> vectors() throws IOException {
        return VectorFiles.lines("/int8/tflm-kernels.txt");
    }

    private static String line(String prefix) throws IOException {
        return vectors().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + prefix));
    }

    private static List<String> lines(String prefix) throws IOException {
        return vectors().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void convPerChannelSamePaddingRelu6() throws IOException {
        Matcher m = Pattern.compile("CONV mult=\\[(-?\\d+),(-?\\d+)\\] shift=\\[(-?\\d+),(-?\\d+)\\] act=\\[(-?\\d+),(-?\\d+)\\]")
                .matcher(line("CONV"));
        assertTrue(m.matches());
        float inScale = 0.05f;
        float outScale = 0.1f;
        float[] weightScales = {0.02f, 0.01f};
        int[] multipliers = new int[2];
        int[] shifts = new int[2];
        for (int c = 0; c < 2; c++) {
            QuantizedMultiplier q = TflmParams.outputMultiplier(inScale, weightScales[c], outScale);
            multipliers[c] = q.multiplier();
            shifts[c] = q.shift();
        }
        assertArrayEquals(new int[] {parse(m, 1), parse(m, 2)}, multipliers);
        assertArrayEquals(new int[] {parse(m, 3), parse(m, 4)}, shifts);
        int[] act = TflmParams.activationRange(FusedActivation.RELU6, outScale, -20);
        assertArrayEquals(new int[] {parse(m, 5), parse(m, 6)}, act);

        byte[] input = new byte[16];
        for (int i = 0; i < 16; i++) {
            input[i] = (byte) (-100 + 13 * i);
        }
        assertArrayEquals(bytesAfter(line(" input:"), "input:"), input, "input as the README describes it");
        byte[] filter = {1, -2, 3, -4, 5, -6, 7, -8, 9, 127, -127, 64, -64, 32, -32, 16, -16, 8};
        int pad = TflmParams.samePadding(1, 4, 3, 4);
        Op op = new Op(OpKind.CONV_2D, "conv", 0, 1, new Window(3, 3, 1, 1, pad, pad), filter,
                new int[] {100, -250}, multipliers, shifts, act[0], act[1], 0);
        byte[] output = new byte[32];
        OpKind.CONV_2D.kernel().eval(op, new TensorSpec("in", Shape.of(4, 4, 1), inScale, -10),
                new TensorSpec("out", Shape.of(4, 4, 2), outScale, -20), input, output);
        assertArrayEquals(bytesAfter(line(" output(NHWC):"), "output(NHWC):"), output);
    }

    @Test
    void fullyConnectedTwoRows() throws IOException {
        Matcher m = Pattern.compile("FC mult=(-?\\d+) shift=(-?\\d+) out: (.*)").matcher(line("FC"));
        assertTrue(m.matches());
        QuantizedMultiplier q = TflmArith.quantizeMultiplier(1.0 * 1.0 / 0.5);
        assertEquals(new QuantizedMultiplier(parse(m, 1), parse(m, 2)), q);
        byte[] weights = new byte[30];
        for (int i = 0; i < 30; i++) {
            weights[i] = (byte) (i % 10 + 1);
        }
        int[][] realRows = {{1, 2, 3, 4, 5, 6, 7, 8, -9, -10}, {1, 2, 3, 4, 5, 6, 7, -8, 9, -10}};
        Op op = new Op(OpKind.FULLY_CONNECTED, "fc", 0, 1, Window.NONE, weights, new int[] {1, 2, 3},
                new int[] {q.multiplier()}, new int[] {q.shift()}, // per tensor: one multiplier, as TFLM's FullyConnected
                -128, 127, 0);
        byte[] expected = VectorFiles.bytes(m.group(3));
        byte[] actual = new byte[6];
        for (int row = 0; row < 2; row++) {
            byte[] input = new byte[10];
            for (int d = 0; d < 10; d++) {
                input[d] = (byte) (realRows[row][d] - 1);
            }
            byte[] out = new byte[3];
            OpKind.FULLY_CONNECTED.kernel().eval(op, new TensorSpec("in", Shape.of(10), 1f, -1),
                    new TensorSpec("out", Shape.of(3), 0.5f, -1), input, out);
            System.arraycopy(out, 0, actual, row * 3, 3);
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void averagePoolTwoByTwoValid() throws IOException {
        List<String> pools = lines("AVGPOOL in:");
        assertEquals(2, pools.size());
        for (String l : pools) {
            Matcher m = Pattern.compile("AVGPOOL in: (.*) / (.*) -> (.*)").matcher(l);
            assertTrue(m.matches(), l);
            byte[] input = VectorFiles.bytes(m.group(1) + " " + m.group(2));
            byte[] out = pool(OpKind.AVERAGE_POOL_2D, new Window(2, 2, 2, 2, 0, 0), Shape.of(2, 4, 1), Shape.of(1, 2, 1), input);
            assertArrayEquals(VectorFiles.bytes(m.group(3)), out, l);
        }
    }

    @Test
    void averageAndMaxPoolThreeByThreeSame() throws IOException {
        byte[] input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        int pad = TflmParams.samePadding(1, 3, 3, 3);
        Window w = new Window(3, 3, 1, 1, pad, pad);
        assertArrayEquals(bytesAfter(line("AVGPOOL3x3"), "->"),
                pool(OpKind.AVERAGE_POOL_2D, w, Shape.of(3, 3, 1), Shape.of(3, 3, 1), input));
        assertArrayEquals(bytesAfter(line("MAXPOOL3x3"), "->"),
                pool(OpKind.MAX_POOL_2D, w, Shape.of(3, 3, 1), Shape.of(3, 3, 1), input));
    }

    private static byte[] pool(OpKind kind, Window w, Shape in, Shape out, byte[] input) {
        Op op = new Op(kind, "pool", 0, 1, w, NONE, new int[0], new int[0], new int[0], -128, 127, 0);
        TensorSpec inSpec = new TensorSpec("in", in, 0.1f, 3);
        TensorSpec outSpec = new TensorSpec("out", out, 0.1f, 3);
        byte[] output = new byte[out.size()];
        if (kind == OpKind.MAX_POOL_2D) {
            OpKind.MAX_POOL_2D.kernel().eval(op, inSpec, outSpec, input, output);
        } else {
            OpKind.AVERAGE_POOL_2D.kernel().eval(op, inSpec, outSpec, input, output);
        }
        return output;
    }

    private static byte[] bytesAfter(String line, String marker) {
        return VectorFiles.bytes(line.substring(line.indexOf(marker) + marker.length()));
    }

    private static int parse(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
