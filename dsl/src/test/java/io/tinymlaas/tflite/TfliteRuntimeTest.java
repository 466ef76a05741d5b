package io.tinymlaas.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.DenseWeights;
import io.tinymlaas.quant.QuantizedModel;
import io.tinymlaas.quant.VectorFiles;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Our .tflite files in a real TFLite runtime (tfjs-tflite, TFLite compiled to WebAssembly, in
 * headless Chromium): the tutorial CNN and an MLP (dense weights per channel and per tensor), a
 * model with every op, and 50 random graphs, on at least 200 inputs each. The runtime is a
 * {@code TFLITE_SINGLE_ROUNDING} build, so its bytes are compared with our reference computed with
 * that rounding — they must be equal, every byte: the file means to the runtime exactly what it
 * means to us. Against TFLM's double rounding (our kernels) it differs by ±1 on the few values where
 * the roundings part (a softmax can widen that); the figures are printed.
 *
 * <p>Models with a MEAN (global average pooling) are measured, not held to every byte: the runtime
 * hands MEAN to XNNPack, whose int8 mean scales in its own arithmetic rather than TFLite's
 * reference QuantizedMeanOrSum, and in the deeper convolution before it XNNPack rounds a few values
 * (6 bytes in a million) the other way. Each model with a MEAN also runs up to the MEAN and through
 * it; both must agree within 1, and the figures are printed.
 *
 * <p>Tagged {@code tflite-runtime}: it needs node and Chromium; {@code ./tinyml test} runs it.
 */
@Tag("tflite-runtime")
class TfliteRuntimeTest {
    private static final int RANDOM_GRAPHS = 50;
    private static final int INPUTS = 200;
    private static final Pattern SINGLE = Pattern.compile("MBQM_SINGLE x=(-?\\d+) m=(-?\\d+) s=(-?\\d+) -> (-?\\d+)");

    @Test
    void singleRoundingIsTheRuleTflmPrintsForSuchBuilds() throws Exception {
        int checked = 0;
        for (VectorFiles.Match single : VectorFiles.matching("/int8/tflm-arith.txt", SINGLE)) {
            int[] v = single.values();
            assertEquals(v[3], SingleRoundingReference.multiply(v[0], v[1], v[2]), single.line());
            checked++;
        }
        assertTrue(checked >= 20, checked + " MBQM_SINGLE vectors");
    }

    @Test
    void theRuntimeComputesOurFilesByteForByte(@TempDir Path dir) throws Exception {
        List<Graph> graphs = new ArrayList<>();
        List<List<byte[]>> inputs = new ArrayList<>();
        for (DenseWeights dense : DenseWeights.values()) {
            for (QuantizedModel q : new QuantizedModel[] {TfliteModels.tutorialCnn(dense), TfliteModels.mlp(dense),
                    TfliteModels.everyOp(dense), TfliteModels.meanCnn(dense)}) {
                graphs.add(q.graph());
                inputs.add(TfliteModels.images(q, INPUTS + 100));
            }
        }
        Random random = new Random(20);
        for (int i = 0; i < RANDOM_GRAPHS; i++) {
            Graph g = TfliteModels.randomGraph(random);
            List<byte[]> x = new ArrayList<>();
            for (int s = 0; s < INPUTS; s++) {
                x.add(TfliteModels.randomInput(g, random));
            }
            graphs.add(g);
            inputs.add(x);
        }
        // A model ending in SOFTMAX runs a second time without it, to see every byte that reaches the softmax;
        // a model with a MEAN runs up to it and through it, to see what reaches the MEAN and what it gives.
        List<TfjsTflite.Case> cases = new ArrayList<>();
        List<Graph> run = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            Graph g = graphs.get(i);
            cases.add(new TfjsTflite.Case("model" + i, TfliteWriter.toBytes(g), inputs.get(i)));
            run.add(g);
            int mean = meanIndex(g);
            int last = g.ops().size() - 1;
            if (isSoftmax(g, last) && last > 0 && mean < 0) {
                addPrefix(cases, run, "model" + i + "-before-softmax", g, last - 1, inputs.get(i));
            }
            if (mean >= 0 && mean < last) {
                addPrefix(cases, run, "model" + i + "-through-mean", g, mean, inputs.get(i));
            }
            if (mean > 0) {
                addPrefix(cases, run, "model" + i + "-before-mean", g, mean - 1, inputs.get(i));
            }
        }
        List<String> log = new ArrayList<>();
        List<List<byte[]>> outputs = TfjsTflite.run(cases, dir, log);
        Agreement withTflm = new Agreement();
        Agreement softmaxOutputs = new Agreement();
        Agreement meanOutputs = new Agreement();
        Agreement afterMean = new Agreement();
        Agreement beforeMean = new Agreement();
        for (int c = 0; c < cases.size(); c++) {
            Graph g = run.get(c);
            int mean = meanIndex(g);
            int last = g.ops().size() - 1;
            QuantizedModel tflm = QuantizedModel.loadTflite(cases.get(c).model());
            for (int s = 0; s < cases.get(c).inputs().size(); s++) {
                byte[] x = cases.get(c).inputs().get(s);
                byte[] runtime = outputs.get(c).get(s);
                byte[] single = SingleRoundingReference.run(g, x);
                String what = cases.get(c).name() + " input " + s + " " + log.get(c);
                if (mean == last) {
                    meanOutputs.add(single, runtime);
                    assertTrue(meanOutputs.maxDiff <= 1, what + ": a MEAN output differs by more than 1");
                } else if (mean >= 0) {
                    afterMean.add(single, runtime);
                } else if (isSoftmax(g, last)) {
                    softmaxOutputs.add(single, runtime);
                    assertTrue(softmaxOutputs.maxDiff <= 1, what + ": a softmax output differs by more than 1");
                } else if (cases.get(c).name().endsWith("-before-mean")) {
                    beforeMean.add(single, runtime);
                    assertTrue(beforeMean.maxDiff <= 1, what + ": a byte reaching a MEAN differs by more than 1");
                } else {
                    assertArrayEquals(single, runtime, what);
                }
                withTflm.add(tflm.predictRaw(x), runtime);
            }
        }
        System.out.printf("tfjs-tflite: %d files, %d inputs. Every byte of a model without MEAN before its softmax"
                        + " equals our reference with single rounding; softmax outputs (TFLite's own int8 softmax"
                        + " kernel): %s; what reaches a MEAN: %s; MEAN outputs (XNNPack's mean): %s; outputs of ops"
                        + " after a MEAN: %s. Against TFLM's arithmetic (our kernels): %s%n", cases.size(),
                withTflm.inputs, softmaxOutputs, beforeMean, meanOutputs, afterMean, withTflm);
        assertTrue(withTflm.inputs >= (long) INPUTS * cases.size());
        assertTrue(meanOutputs.inputs >= (long) INPUTS * 2, "MEAN ran on " + meanOutputs.inputs + " inputs");
    }

    /** The graph's ops 0..{@code lastOp}, as a model of its own. */
    private static void addPrefix(List<TfjsTflite.Case> cases, List<Graph> run, String name, Graph g, int lastOp,
                                  List<byte[]> inputs) {
        Graph prefix = new Graph(g.tensors(), g.ops().subList(0, lastOp + 1), g.input(), g.ops().get(lastOp).output());
        cases.add(new TfjsTflite.Case(name, TfliteWriter.toBytes(prefix), inputs));
        run.add(prefix);
    }

    private static boolean isSoftmax(Graph g, int op) {
        return g.ops().get(op).kind() == OpKind.SOFTMAX;
    }

    private static int meanIndex(Graph g) {
        for (int i = 0; i < g.ops().size(); i++) {
            if (g.ops().get(i).kind() == OpKind.MEAN) {
                return i;
            }
        }
        return -1;
    }

    /** How often two runtimes gave the same bytes. */
    private static final class Agreement {
        long inputs;
        long equalInputs;
        long bytes;
        long equalBytes;
        int maxDiff;

        void add(byte[] expected, byte[] actual) {
            boolean same = true;
            for (int k = 0; k < expected.length; k++) {
                int d = Math.abs(expected[k] - actual[k]);
                maxDiff = Math.max(maxDiff, d);
                equalBytes += d == 0 ? 1 : 0;
                same &= d == 0;
            }
            inputs++;
            equalInputs += same ? 1 : 0;
            bytes += expected.length;
        }

        @Override
        public String toString() {
            return String.format("%d of %d inputs and %d of %d bytes equal, largest difference %d", equalInputs, inputs,
                    equalBytes, bytes, maxDiff);
        }
    }
}
