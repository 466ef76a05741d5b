package io.tinymlaas.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every line of TFLM's printed arithmetic (test resource int8/tflm-arith.txt) reproduced exactly. */
class TflmArithVectorsTest {
    private static final Pattern QM = Pattern.compile("QM (\\S+) -> mult=(-?\\d+) shift=(-?\\d+)");
    private static final Pattern MBQM = Pattern.compile("MBQM x=(-?\\d+) m=(-?\\d+) s=(-?\\d+) -> (-?\\d+)");
    private static final Pattern SRDHM = Pattern.compile("SRDHM a=(-?\\d+) b=(-?\\d+) -> (-?\\d+)");
    private static final Pattern RDBPOT = Pattern.compile("RDBPOT x=(-?\\d+) e=(-?\\d+) -> (-?\\d+)");
    private static final Pattern SOFTMAX = Pattern.compile(
            "SOFTMAX in_scale=(\\S+) beta=(\\S+) -> input_multiplier=(-?\\d+) input_left_shift=(-?\\d+) diff_min=(-?\\d+)");
    private static final Pattern MBQM_SINGLE = Pattern.compile("MBQM_SINGLE x=(-?\\d+) m=(-?\\d+) s=(-?\\d+) -> (-?\\d+)");

    @TestFactory
    List<DynamicTest> everyVectorLine() throws IOException {
        List<String> lines = VectorFiles.lines("/int8/tflm-arith.txt");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = QM.matcher(line)).matches()) {
                Matcher g = m;
                tests.add(DynamicTest.dynamicTest(line, () -> assertEquals(
                        new QuantizedMultiplier(Integer.parseInt(g.group(2)), Integer.parseInt(g.group(3))),
                        TflmArith.quantizeMultiplier(Double.parseDouble(g.group(1))))));
            } else if ((m = MBQM.matcher(line)).matches()) {
                int[] v = ints(m, 4);
                tests.add(DynamicTest.dynamicTest(line, () ->
                        assertEquals(v[3], TflmArith.multiplyByQuantizedMultiplier(v[0], v[1], v[2]))));
            } else if ((m = SRDHM.matcher(line)).matches()) {
                int[] v = ints(m, 3);
                tests.add(DynamicTest.dynamicTest(line, () ->
                        assertEquals(v[2], TflmArith.saturatingRoundingDoublingHighMul(v[0], v[1]))));
            } else if ((m = RDBPOT.matcher(line)).matches()) {
                int[] v = ints(m, 3);
                tests.add(DynamicTest.dynamicTest(line, () ->
                        assertEquals(v[2], TflmArith.roundingDivideByPOT(v[0], v[1]))));
            } else if ((m = SOFTMAX.matcher(line)).matches()) {
                tests.add(softmaxTest(m, lines.get(i + 1), lines.get(i + 2)));
                i += 2;
            } else if (!line.startsWith("#") && !MBQM_SINGLE.matcher(line).matches() && !line.isBlank()) {
                throw new AssertionError("unrecognised vector line: " + line);
            }
        }
        assertEquals(58, tests.size(), "vector lines understood");
        return tests;
    }

    private static DynamicTest softmaxTest(Matcher m, String inLine, String outLine) {
        float inScale = Float.parseFloat(m.group(1));
        float beta = Float.parseFloat(m.group(2));
        SoftmaxScaling expected = new SoftmaxScaling(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)));
        byte[] in = VectorFiles.bytes(inLine.replaceFirst("^\\s*in\\s*:", ""));
        byte[] out = VectorFiles.bytes(outLine.replaceFirst("^\\s*out\\s*:", ""));
        return DynamicTest.dynamicTest(m.group(), () -> {
            SoftmaxScaling s = SoftmaxScaling.of(inScale, beta);
            assertEquals(expected, s);
            TensorSpec inSpec = new TensorSpec("in", Shape.of(in.length), inScale, 0);
            TensorSpec outSpec = new TensorSpec("out", Shape.of(in.length), 1f / 256, -128);
            Op op = new Op(OpKind.SOFTMAX, "softmax", 0, 1, Window.NONE, new byte[0], new int[0],
                    new int[] {s.inputMultiplier()}, new int[] {s.inputLeftShift()}, -128, 127, s.diffMin());
            byte[] actual = new byte[in.length];
            OpKind.SOFTMAX.kernel().eval(op, inSpec, outSpec, in, actual);
            assertArrayEquals(out, actual, () -> "softmax of " + Arrays.toString(in) + " gave " + Arrays.toString(actual));
        });
    }

    @Test
    void singleRoundingVectorsDifferFromOursWhereTheyShould() throws IOException {
        // Our build is double rounding: it must agree with the MBQM lines, hence differ from some MBQM_SINGLE lines.
        int differing = 0;
        for (VectorFiles.Match single : VectorFiles.matching("/int8/tflm-arith.txt", MBQM_SINGLE)) {
            int[] v = single.values();
            int ours = TflmArith.multiplyByQuantizedMultiplier(v[0], v[1], v[2]);
            assertTrue(Math.abs(ours - v[3]) <= 1, single.line());
            differing += ours != v[3] ? 1 : 0;
        }
        assertEquals(5, differing, "single-rounding lines that double rounding changes");
    }

    static int[] ints(Matcher m, int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = Integer.parseInt(m.group(i + 1));
        }
        return v;
    }
}
