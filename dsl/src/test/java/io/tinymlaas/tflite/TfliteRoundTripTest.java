package io.tinymlaas.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.codegen.TestBlobReader;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.quant.DenseWeights;
import io.tinymlaas.quant.QuantizedModel;
import io.tinymlaas.quant.arith.TflmArith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Export → import → export gives the same bytes, the imported model the same outputs, and the file
 * holds what a runtime needs: float scales from which TFLM's own arithmetic gives our multipliers,
 * 16-byte aligned buffers, a producer entry.
 */
class TfliteRoundTripTest {
    private static final int INPUTS = 200;

    @Test
    void tutorialCnnAndMlpRoundTripPerChannelAndPerTensor(@TempDir Path dir) throws Exception {
        for (DenseWeights dense : DenseWeights.values()) {
            for (QuantizedModel q : new QuantizedModel[] {TfliteModels.tutorialCnn(dense), TfliteModels.mlp(dense)}) {
                Path file = dir.resolve("model-" + dense + ".tflite");
                q.exportTflite(file);
                QuantizedModel back = QuantizedModel.loadTflite(file);
                assertSameModel(q.graph(), back.graph());
                assertArrayEquals(Files.readAllBytes(file), TfliteWriter.toBytes(back.graph()), "export → import → export");
                for (byte[] x : TfliteModels.images(q, INPUTS)) {
                    assertArrayEquals(q.predictRaw(x), back.predictRaw(x));
                }
            }
        }
    }

    @Test
    void fiftyRandomGraphsRoundTrip() {
        Random random = new Random(12);
        for (int i = 0; i < 50; i++) {
            Graph g = TfliteModels.randomGraph(random);
            byte[] file = TfliteWriter.toBytes(g);
            Graph back = org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                    () -> QuantizedModel.loadTflite(file).graph(), "random graph " + i);
            assertSameModel(g, back);
            assertArrayEquals(file, TfliteWriter.toBytes(back), "random graph " + i);
        }
    }

    @Test
    void perTensorDenseHasOneScaleAndTflmsPerTensorMultiplier() {
        QuantizedModel q = TfliteModels.mlp(DenseWeights.PER_TENSOR);
        Graph g = q.graph();
        for (Op op : g.ops()) {
            if (op.kind().isWeighted()) {
                float[] w = op.int8().weightScales();
                assertEquals(1, w.length, op.name());
                // TFLM's GetQuantizedConvolutionMultipler: the product taken in float, then promoted.
                double real = (double) (g.tensor(op.input()).scale() * w[0]) / (double) g.tensor(op.output()).scale();
                TflmArith.QuantizedMultiplier m = TflmArith.quantizeMultiplier(real);
                assertArrayEquals(new int[] {m.multiplier()}, op.multipliers(), op.name());
                assertArrayEquals(new int[] {m.shift()}, op.shifts(), op.name());
            }
        }
    }

    @Test
    void buffersAreAlignedAndTheProducerIsNamed() {
        byte[] file = TfliteWriter.toBytes(TfliteModels.everyOp(DenseWeights.PER_CHANNEL).graph());
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        Model model = Model.getRootAsModel(bb);
        assertEquals(3, model.version());
        int withData = 0;
        for (int i = 0; i < model.buffersLength(); i++) {
            Buffer b = model.buffers(i);
            if (b.dataLength() > 0) {
                withData++;
                assertEquals(0, b.dataAsByteBuffer().position() % 16, "buffer " + i + " starts 16-byte aligned");
            }
        }
        assertTrue(withData >= 9, "weights and biases of 4 weighted ops, a reshape shape, the producer: " + withData);
        assertEquals(1, model.metadataLength());
        assertEquals(TfliteWriter.PRODUCER_KEY, model.metadata(0).name());
        ByteBuffer producer = model.buffers((int) model.metadata(0).buffer()).dataAsByteBuffer();
        assertTrue(StandardCharsets.UTF_8.decode(producer).toString().startsWith("TinyMLaaS"));
        SubGraph g = model.subgraphs(0);
        Operator depthwise = g.operators(1);
        Tensor filter = g.tensors(depthwise.inputs(1));
        assertEquals(3, filter.quantization().quantizedDimension(), "depthwise filters are per channel along C of 1HWC");
        assertEquals(4, filter.quantization().scaleLength());
    }

    /**
     * The same tensors (names, shapes, quantization) and ops with the same numbers — weight scales
     * and fused activations too; an op that had no bias has zeros (the file always carries one).
     */
    static void assertSameModel(Graph expected, Graph actual) {
        List<Op> withBias = new ArrayList<>();
        for (Op op : expected.ops()) {
            Int8Params p = op.int8();
            Shape out = expected.tensor(op.output()).shape();
            int[] bias = p.bias().length == 0 && op.kind().isWeighted() ? new int[out.dim(out.rank() - 1)] : p.bias();
            withBias.add(new Op(op.kind(), op.name(), op.input(), op.output(), op.window(), op.activation(),
                    new Int8Params(p.weights(), p.weightScales(), bias, p.multipliers(), p.shifts(), p.activationMin(),
                            p.activationMax(), p.diffMin())));
        }
        TestBlobReader.assertSameGraph(new Graph(expected.tensors(), withBias, expected.input(), expected.output()), actual);
        assertEquals(expected.tensors(), actual.tensors());
        for (int i = 0; i < expected.ops().size(); i++) {
            Op e = expected.ops().get(i);
            Op a = actual.ops().get(i);
            assertEquals(e.activation(), a.activation(), "op " + i);
            assertArrayEquals(e.int8().weightScales(), a.int8().weightScales(), "op " + i);
        }
    }
}
