package io.tinymlaas.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.arith.SoftmaxScaling;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;
import io.tinymlaas.quant.arith.TflmArith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random cases printed by TFLM's own arithmetic and reference kernels (test resource
 * int8/tflm-random.txt, see its README) reproduced byte for byte: one dynamic test per kind.
 */
class TflmRandomVectorsTest {
    private static final byte[] NONE = new byte[0];
    private static final int[] NO_INTS = new int[0];

    @TestFactory
    List<DynamicTest> everyRandomCase() throws IOException {
        Map<String, List<String>> byKind = new TreeMap<>();
        for (String line : VectorFiles.lines("/int8/tflm-random.txt")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                byKind.computeIfAbsent(line.substring(0, line.indexOf(' ')), k -> new ArrayList<>()).add(line);
            }
        }
        assertEquals(List.of("CONV", "DW", "FC", "MBQM", "POOL", "QM", "RDBPOT", "SOFTMAX", "SRDHM"), List.copyOf(byKind.keySet()));
        List<DynamicTest> tests = new ArrayList<>();
        byKind.forEach((kind, lines) -> tests.add(DynamicTest.dynamicTest(kind + " × " + lines.size(), () -> {
            for (String line : lines) {
                check(kind, line);
            }
        })));
        return tests;
    }

    private static void check(String kind, String line) {
        String[] parts = line.split(" \\| ?", -1);
        String[] head = parts[0].split(" ");
        int[] v = Arrays.stream(head).skip(kind.equals("QM") || kind.equals("SOFTMAX") ? 2 : 1).mapToInt(Integer::parseInt).toArray();
        switch (kind) {
            case "QM" -> assertEquals(new QuantizedMultiplier(v[0], v[1]),
                    TflmArith.quantizeMultiplier(Double.parseDouble(head[1])), line);
            case "MBQM" -> assertEquals(v[3], TflmArith.multiplyByQuantizedMultiplier(v[0], v[1], v[2]), line);
            case "SRDHM" -> assertEquals(v[2], TflmArith.saturatingRoundingDoublingHighMul(v[0], v[1]), line);
            case "RDBPOT" -> assertEquals(v[2], TflmArith.roundingDivideByPOT(v[0], v[1]), line);
            case "SOFTMAX" -> softmax(Float.parseFloat(head[1]), v, bytes(parts[1]), bytes(parts[2]), line);
            case "CONV", "DW" -> conv(kind.equals("DW"), v, parts, line);
            case "POOL" -> pool(v, parts, line);
            case "FC" -> fullyConnected(v, parts, line);
            default -> throw new AssertionError("unknown case " + line);
        }
    }

    private static void softmax(float scale, int[] v, byte[] in, byte[] expected, String line) {
        SoftmaxScaling s = SoftmaxScaling.of(scale, 1f);
        assertEquals(new SoftmaxScaling(v[0], v[1], v[2]), s, line);
        Op op = new Op(OpKind.SOFTMAX, "softmax", 0, 1, Window.NONE, NONE, NO_INTS,
                new int[] {s.inputMultiplier()}, new int[] {s.inputLeftShift()}, -128, 127, s.diffMin());
        byte[] out = new byte[in.length];
        OpKind.SOFTMAX.kernel().eval(op, new TensorSpec("in", Shape.of(in.length), scale, 0),
                new TensorSpec("out", Shape.of(in.length), 1f / 256, -128), in, out);
        assertArrayEquals(expected, out, line);
    }

    /** Header: h w cin cout kh kw sh sw padTop padLeft oh ow inZp outZp actMin actMax | in | filter | bias | mult | shift | out. */
    private static void conv(boolean depthwise, int[] v, String[] parts, String line) {
        Op op = new Op(depthwise ? OpKind.DEPTHWISE_CONV_2D : OpKind.CONV_2D, "conv", 0, 1,
                new Window(v[4], v[5], v[6], v[7], v[8], v[9]), bytes(parts[2]), ints(parts[3]), ints(parts[4]),
                ints(parts[5]), v[14], v[15], 0);
        TensorSpec in = new TensorSpec("in", Shape.of(v[0], v[1], v[2]), 1f, v[12]);
        TensorSpec out = new TensorSpec("out", Shape.of(v[10], v[11], v[3]), 1f, v[13]);
        byte[] actual = new byte[out.bytes()];
        if (depthwise) {
            OpKind.DEPTHWISE_CONV_2D.kernel().eval(op, in, out, bytes(parts[1]), actual);
        } else {
            OpKind.CONV_2D.kernel().eval(op, in, out, bytes(parts[1]), actual);
        }
        assertArrayEquals(bytes(parts[6]), actual, line);
    }

    /** Header: h w c kh kw sh sw padTop padLeft oh ow | in | average | max. */
    private static void pool(int[] v, String[] parts, String line) {
        Op op = new Op(OpKind.AVERAGE_POOL_2D, "pool", 0, 1, new Window(v[3], v[4], v[5], v[6], v[7], v[8]),
                NONE, NO_INTS, NO_INTS, NO_INTS, -128, 127, 0);
        TensorSpec in = new TensorSpec("in", Shape.of(v[0], v[1], v[2]), 1f, 0);
        TensorSpec out = new TensorSpec("out", Shape.of(v[9], v[10], v[2]), 1f, 0);
        byte[] average = new byte[out.bytes()];
        byte[] max = new byte[out.bytes()];
        OpKind.AVERAGE_POOL_2D.kernel().eval(op, in, out, bytes(parts[1]), average);
        OpKind.MAX_POOL_2D.kernel().eval(op, in, out, bytes(parts[1]), max);
        assertArrayEquals(bytes(parts[2]), average, "average " + line);
        assertArrayEquals(bytes(parts[3]), max, "max " + line);
    }

    /** Header: n m inZp outZp actMin actMax | in | weights | bias | mult | shift | out. */
    private static void fullyConnected(int[] v, String[] parts, String line) {
        Op op = new Op(OpKind.FULLY_CONNECTED, "fc", 0, 1, Window.NONE, bytes(parts[2]), ints(parts[3]),
                ints(parts[4]), ints(parts[5]), v[4], v[5], 0);
        byte[] actual = new byte[v[1]];
        OpKind.FULLY_CONNECTED.kernel().eval(op, new TensorSpec("in", Shape.of(v[0]), 1f, v[2]),
                new TensorSpec("out", Shape.of(v[1]), 1f, v[3]), bytes(parts[1]), actual);
        assertArrayEquals(bytes(parts[6]), actual, line);
    }

    private static byte[] bytes(String s) {
        return VectorFiles.bytes(s);
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }
}
