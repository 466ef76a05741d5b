package io.tinymlaas.quant;

import io.tinymlaas.ops.TflmParams;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.nn.Dense;
import io.tinymlaas.nn.Model;
import io.tinymlaas.nn.Padding;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.arith.SoftmaxScaling;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quantizer on small untrained models and random data: graph structure, fidelity, bad input. */
class QuantizerTest {
    static final Shape IMAGE = Shape.of(8, 8, 2);

    /** conv+relu6 (SAME) → depthwise+relu (stride 2) → avg pool → flatten → dropout → dense → softmax. */
    static Model everyLayerModel() {
        return Model.sequential(IMAGE).seed(9)
                .conv2d(4, 3, 1, Padding.SAME).relu6()
                .depthwiseConv2d(3, 2, Padding.SAME).relu()
                .avgPool(2).flatten().dropout(0.2).dense(5).softmax();
    }

    static Dataset randomImages(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][IMAGE.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = random.nextFloat() * 2 - 1;
            }
            labels[i] = random.nextInt(5);
        }
        return Dataset.of(IMAGE, x, labels);
    }

    @Test
    void graphFusesActivationsDropsDropoutAndSetsTheFixedParameters() {
        Model model = everyLayerModel();
        Dataset calibration = randomImages(64, 1);
        QuantizedModel q = model.quantize(calibration);
        Graph g = q.graph();
        assertEquals(List.of(OpKind.CONV_2D, OpKind.DEPTHWISE_CONV_2D, OpKind.AVERAGE_POOL_2D, OpKind.RESHAPE,
                OpKind.FULLY_CONNECTED, OpKind.SOFTMAX), g.ops().stream().map(Op::kind).toList());

        Op conv = g.ops().get(0);
        TensorSpec convOut = g.tensors().get(conv.output());
        assertEquals(new Window(3, 3, 1, 1, 1, 1), conv.window());
        assertArrayEquals(TflmParams.activationRange(FusedActivation.RELU6, convOut.scale(), convOut.zeroPoint()),
                new int[] {conv.activationMin(), conv.activationMax()});
        assertEquals(-128, convOut.zeroPoint(), "a ReLU6 output starts at 0.0");
        float relu6Max = 0;
        for (int i = 0; i < calibration.size(); i++) {
            for (float v : model.forwardTrace(calibration.input(i)).get(1)) {
                relu6Max = Math.max(relu6Max, v);
            }
        }
        assertEquals(QuantParams.asymmetric(0f, relu6Max).scale(), convOut.scale(), "scale from the calibrated ReLU6 range");
        assertEquals("relu6", model.layers().get(q.sourceLayer(conv.output())).name());

        Op depthwise = g.ops().get(1);
        assertEquals(new Window(3, 3, 2, 2, 0, 0, true), depthwise.window(), "SAME padding whose top/left offsets are 0");
        assertEquals(-128, depthwise.activationMin());

        for (int i = 2; i <= 3; i++) {
            Op op = g.ops().get(i);
            TensorSpec in = g.tensors().get(op.input());
            TensorSpec out = g.tensors().get(op.output());
            assertEquals(in.scale(), out.scale(), op.name() + " keeps its input's scale");
            assertEquals(in.zeroPoint(), out.zeroPoint(), op.name() + " keeps its input's zero point");
        }
        TensorSpec softmax = g.tensors().get(g.output());
        assertEquals(1f / 256, softmax.scale());
        assertEquals(-128, softmax.zeroPoint());
        assertEquals(SoftmaxScaling.of(g.tensors().get(g.ops().get(5).input()).scale(), 1f).diffMin(), g.ops().get(5).diffMin());
    }

    @Test
    void weightsUseTheWholeSymmetricRangePerChannelAndBiasKeepsItsValue() {
        Model model = Model.sequential(Shape.of(6)).seed(3).dense(4).relu().dense(3);
        QuantizedModel q = model.quantize(vectors(32, 6));
        Op dense = q.graph().ops().get(0);
        Dense layer = (Dense) model.layers().get(0);
        float[] w = layer.weights();
        for (int c = 0; c < 4; c++) {
            int maxAbs = 0;
            for (int i = 0; i < 6; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(dense.weights()[c * 6 + i]));
            }
            assertEquals(127, maxAbs, "channel " + c + " reaches ±127");
        }
        float inScale = q.inputSpec().scale();
        float[] bias = layer.bias();
        for (int c = 0; c < 4; c++) {
            float maxW = 0;
            for (int i = 0; i < 6; i++) {
                maxW = Math.max(maxW, Math.abs(w[c * 6 + i]));
            }
            float biasScale = inScale * (maxW / 127);
            assertEquals(bias[c], dense.bias()[c] * biasScale, biasScale / 2 + 1e-7);
        }
    }

    static Dataset vectors(int n, int width) {
        Random random = new Random(width);
        float[][] x = new float[n][width];
        for (float[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return Dataset.of(Shape.of(width), x, new int[n]);
    }

    @Test
    void globalAvgPoolBecomesMeanWithItsOwnCalibratedScaleAndFollowsTheFloatModel() {
        Model model = Model.sequential(IMAGE).seed(4).conv2d(6, 3).relu().globalAvgPool().dense(5).softmax();
        Dataset data = randomImages(64, 2);
        QuantizedModel q = model.quantize(data);
        Graph g = q.graph();
        assertEquals(List.of(OpKind.CONV_2D, OpKind.MEAN, OpKind.FULLY_CONNECTED, OpKind.SOFTMAX),
                g.ops().stream().map(Op::kind).toList());
        Op mean = g.ops().get(1);
        TensorSpec in = g.tensor(mean.input());
        TensorSpec out = g.tensor(mean.output());
        assertEquals(Shape.of(6), out.shape());
        assertEquals("global_average_pooling2d", model.layers().get(q.sourceLayer(mean.output())).name());
        assertTrue(out.scale() < in.scale(), "a mean's range is narrower than its input's: " + out + " vs " + in);
        Comparison c = q.compare(model, data);
        double meanSqnr = c.layers().stream().filter(l -> l.tensor().equals("global_average_pooling2d"))
                .findFirst().orElseThrow().sqnrDb();
        assertTrue(meanSqnr > 25, "MEAN output SQNR " + meanSqnr + " dB");
        assertTrue(c.agreement() >= 0.9, c.toString());
    }

    @Test
    void everyInt8TensorTracksItsFloatLayer() {
        Model model = everyLayerModel();
        QuantizedModel q = model.quantize(randomImages(200, 3));
        Comparison c = q.compare(model, randomImages(100, 4));
        assertEquals(q.graph().tensors().size(), c.layers().size());
        for (Comparison.LayerSqnr l : c.layers()) {
            assertTrue(l.sqnrDb() > 25, l + " keeps a SQNR above 25 dB");
        }
        assertTrue(c.agreement() > 0.9, "float and int8 agree: " + c);
    }

    @Test
    void constantZeroActivationsAreQuantizedWithoutDividingByZero() {
        Dataset zeros = Dataset.of(IMAGE, new float[16][IMAGE.size()], new int[16]);
        Model model = Model.sequential(IMAGE).seed(4).conv2d(2, 3).relu().flatten().dense(3);
        QuantizedModel q = model.quantize(zeros);
        assertEquals(new QuantParams(1f, -128), new QuantParams(q.inputSpec().scale(), q.inputSpec().zeroPoint()));
        for (TensorSpec t : q.graph().tensors()) {
            assertTrue(Float.isFinite(t.scale()) && t.scale() > 0, t + " has a usable scale");
        }
        for (Op op : q.graph().ops()) {
            for (int m : op.multipliers()) {
                assertTrue(m >= 0, op.name() + " multiplier " + m);
            }
        }
        float[] expected = model.predict(zeros.input(0)).scores();
        float[] actual = q.predict(zeros.input(0)).scores();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], q.outputSpec().scale() / 2 + 1e-6, "output " + i);
        }
    }

    @Test
    void emptyOrWrongShapeCalibrationIsRefusedClearly() {
        Model model = everyLayerModel();
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> model.quantize(randomImages(10, 5).take(0)));
        assertTrue(empty.getMessage().contains("calibration set is empty"), empty.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> model.quantize(vectors(10, 128)));
        assertEquals("calibration samples have shape (128,) but the model takes (8, 8, 2): calibrate with the data"
                + " the model was trained on", shape.getMessage());
    }

    @Test
    void aLayerWithoutInt8FormIsNamed() {
        Model model = Model.sequential(IMAGE).seed(1).conv2d(2, 3).maxPool(2).relu().flatten().dense(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.quantize(randomImages(8, 6)));
        assertTrue(e.getMessage().startsWith("layer relu (ReLU) after max_pool2d has no int8 form"), e.getMessage());
    }
}
