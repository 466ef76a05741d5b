package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Prediction;
import io.tinymlaas.data.Shape;
import io.tinymlaas.data.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {
    @TempDir
    Path dir;

    private static Model cnn() {
        return Model.sequential(Shape.of(8, 8, 2)).conv2d(4, 3, 1, Padding.SAME).relu6().depthwiseConv2d(3, 2, Padding.VALID)
                .maxPool(2, 1, Padding.SAME).avgPool(2).flatten().dropout(0.1).dense(5).softmax().seed(3);
    }

    @Test
    void layersDescribeThemselves() {
        Model m = cnn();
        List<Layer> layers = m.layers();
        assertEquals(List.of("conv2d", "relu6", "depthwise_conv2d", "max_pool2d", "avg_pool2d", "flatten", "dropout", "dense", "softmax"),
                layers.stream().map(Layer::name).toList());
        Conv2D conv = (Conv2D) layers.get(0);
        assertEquals(Shape.of(8, 8, 4), conv.outputShape());
        assertEquals(3 * 3 * 2 * 4 + 4, conv.params());
        assertEquals(64L * 18 * 4, conv.macs());
        assertEquals(Padding.SAME, conv.padding());
        DepthwiseConv2D dw = (DepthwiseConv2D) layers.get(2);
        assertEquals(Shape.of(3, 3, 4), dw.outputShape());
        assertEquals(2, dw.strideH());
        assertEquals(Shape.of(1, 1, 4), layers.get(4).outputShape());
        assertEquals(4 * 5 + 5, layers.get(7).params());
        assertEquals(m.params(), m.summary().longColumn("params").sum(), 0);
        assertTrue(m.toHtml().contains("depthwise_conv2d"));
    }

    @Test
    void weightsComeInTfliteLayouts() {
        Model m = Model.sequential(Shape.of(3, 3, 2)).conv2d(2, 2).flatten().dense(3).seed(1);
        m.network();
        Conv2D conv = (Conv2D) m.layers().get(0);
        float[] ohwi = new float[2 * 2 * 2 * 2];
        for (int i = 0; i < ohwi.length; i++) {
            ohwi[i] = i;
        }
        conv.setWeights(ohwi, new float[]{0.5f, -1f});
        assertArrayEquals(ohwi, conv.weights());
        Dense dense = (Dense) m.layers().get(2);
        float[] w = new float[3 * 8];
        w[2 * 8 + 5] = 1f; // output 2 reads input 5
        dense.setWeights(w, new float[3]);
        float[] x = new float[18];
        x[0] = 1f; // pixel (0,0), channel 0
        List<float[]> trace = m.forwardTrace(Tensor.of(Shape.of(3, 3, 2), x));
        float[] convOut = trace.get(0);
        // output (0,0) filter f = bias + weight[f][0][0][0] * 1
        assertEquals(0.5f + 0f, convOut[0]);
        assertEquals(-1f + 8f, convOut[1]);
        assertArrayEquals(convOut, trace.get(1), "flatten keeps HWC order");
        assertEquals(convOut[5], trace.get(2)[2]);
    }

    @Test
    void shapeMistakesAreReportedWhereTheyAreWritten() {
        var flat = assertThrows(IllegalArgumentException.class, () -> Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).dense(10));
        assertTrue(flat.getMessage().contains("dense(10) needs a flat input but gets (26, 26, 8) from conv2d")
                && flat.getMessage().contains("flatten()"), flat.getMessage());
        var image = assertThrows(IllegalArgumentException.class, () -> Model.sequential(Shape.of(784)).conv2d(8, 3));
        assertTrue(image.getMessage().contains("conv2d needs an (height, width, channels) input, but gets (784,)"), image.getMessage());
        var big = assertThrows(IllegalArgumentException.class, () -> Model.sequential(Shape.of(4, 4, 1)).maxPool(2).conv2d(2, 3));
        assertTrue(big.getMessage().contains("conv2d: the 3x3 window does not fit its input (2, 2, 1)"), big.getMessage());
    }

    @Test
    void badInputToATrainedModelIsRefusedWithTheValues() {
        Model m = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(5).softmax();
        var shape = assertThrows(IllegalArgumentException.class, () -> m.predict(Tensor.zeros(Shape.of(784))));
        assertTrue(shape.getMessage().contains("(28, 28, 1) but this tensor is (784,)") && shape.getMessage().contains("reshape"),
                shape.getMessage());
        Dataset tooMany = Dataset.of(Shape.of(28, 28, 1), new float[784 * 2], new int[]{0, 7});
        var classes = assertThrows(IllegalArgumentException.class, () -> m.fit(tooMany, Fit.epochs(1).progress(false)));
        assertTrue(classes.getMessage().contains("labels 0..7 but the model outputs (5,)"), classes.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> m.fit(tooMany.take(0), Fit.epochs(1)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        var lr = assertThrows(IllegalArgumentException.class, () -> Fit.epochs(1).sgd(-0.1));
        assertTrue(lr.getMessage().contains("-0.1"), lr.getMessage());
    }

    @Test
    void globalAvgPoolAveragesEachChannelSavesAndNeedsAnImage() throws IOException {
        Model m = Model.sequential(Shape.of(3, 2, 2)).globalAvgPool();
        Tensor x = Tensor.of(Shape.of(3, 2, 2), new float[] {1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60});
        assertArrayEquals(new float[] {3.5f, 35f}, m.predict(x).scores(), 1e-6f);
        assertEquals(Shape.of(2), m.outputShape());

        Model gap = Model.sequential(Shape.of(6, 6, 2)).conv2d(3, 3).relu().globalAvgPool().dense(4).softmax().seed(2);
        Tensor y = Tensor.zeros(Shape.of(6, 6, 2));
        for (int i = 0; i < y.size(); i++) {
            y.data()[i] = (float) Math.cos(i);
        }
        Path file = dir.resolve("gap.tmm");
        gap.save(file);
        assertEquals(gap.predict(y), Model.load(file).predict(y));

        var flat = assertThrows(IllegalArgumentException.class, () -> Model.sequential(Shape.of(8)).globalAvgPool());
        assertTrue(flat.getMessage().startsWith("globalAvgPool() needs an (height, width, channels) input but gets"),
                flat.getMessage());
    }

    @Test
    void savedModelsLoadWithTheSamePredictionsAndForeignFilesAreRefused() throws IOException {
        Model m = cnn();
        Tensor x = Tensor.zeros(Shape.of(8, 8, 2));
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) Math.sin(i);
        }
        Prediction before = m.predict(x);
        Path file = dir.resolve("m.tmm");
        m.save(file);
        Model loaded = Model.load(file);
        assertEquals(before, loaded.predict(x));
        assertEquals(m.summary().toString(), loaded.summary().toString());

        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.tmm");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        var truncated = assertThrows(IllegalArgumentException.class, () -> Model.load(cut));
        assertTrue(truncated.getMessage().contains("truncated or damaged"), truncated.getMessage());
        Path foreign = dir.resolve("x.tmm");
        Files.writeString(foreign, "PK\u0003\u0004 a zip, not a model");
        var notModel = assertThrows(IllegalArgumentException.class, () -> Model.load(foreign));
        assertTrue(notModel.getMessage().contains("not a TinyMLaaS model file"), notModel.getMessage());
        bytes[5] = 9;
        Path newer = dir.resolve("newer.tmm");
        Files.write(newer, bytes);
        var version = assertThrows(IllegalArgumentException.class, () -> Model.load(newer));
        assertTrue(version.getMessage().contains("version 9"), version.getMessage());
    }

    /** A version 1 file (layer codes, before layers named their calls): globalAvgPool (code 11), then dense(2) (code 1). */
    @Test
    void version1FilesStillLoad() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeBytes("TMLM");
            out.writeShort(1);
            out.writeByte(3);
            for (int d : new int[] {2, 2, 3}) {
                out.writeInt(d);
            }
            out.writeInt(2);
            out.writeByte(11);
            out.writeByte(0);
            out.writeInt(0);
            out.writeInt(0);
            out.writeByte(1);
            out.writeByte(1);
            out.writeInt(2);
            float[] weights = {1, 0, 0, 0, 1, -1};
            out.writeInt(weights.length);
            for (float w : weights) {
                out.writeFloat(w);
            }
            out.writeInt(2);
            out.writeFloat(0.5f);
            out.writeFloat(0f);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        }
        Path file = dir.resolve("v1.tmm");
        Files.write(file, bytes.toByteArray());
        Model m = Model.load(file);
        Tensor x = Tensor.zeros(Shape.of(2, 2, 3));
        for (int p = 0; p < 4; p++) {
            x.data()[p * 3] = p;            // channel 0: mean 1.5
            x.data()[p * 3 + 1] = 2 * p;    // channel 1: mean 3
            x.data()[p * 3 + 2] = 4;        // channel 2: mean 4
        }
        float[] y = m.predict(x).scores();
        assertEquals(1.5f + 0.5f, y[0], 1e-6f);
        assertEquals(3f - 4f, y[1], 1e-6f);

        Path again = dir.resolve("v2.tmm");
        m.save(again);
        assertEquals(2, Files.readAllBytes(again)[5], "saved as the current version");
        assertArrayEquals(y, Model.load(again).predict(x).scores());

        byte[] saved = Files.readAllBytes(again);
        String text = new String(saved, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] unknown = text.replace("dense", "dunce").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(unknown, 0, unknown.length - 4);
        java.nio.ByteBuffer.wrap(unknown).putInt(unknown.length - 4, (int) crc.getValue());
        Path newer = dir.resolve("newer-layer.tmm");
        Files.write(newer, unknown);
        var e = assertThrows(IllegalArgumentException.class, () -> Model.load(newer));
        assertTrue(e.getMessage().contains("layer 1 (dunce with settings [2]): no layer is built by dunce()")
                && e.getMessage().contains("update"), e.getMessage());
    }

    @Test
    void fitNamesTheSampleWithNaNInsteadOfBlamingTheLearningRate() {
        float[] x = new float[40];
        int[] y = new int[20];
        for (int i = 0; i < 40; i++) {
            x[i] = i / 40f;
        }
        Dataset d = Dataset.of(Shape.of(2), x, y);
        x[13] = Float.NaN;   // sample 6, changed after the dataset was made
        var e = assertThrows(IllegalArgumentException.class,
                () -> Model.sequential(Shape.of(2)).dense(2).softmax().fit(d, Fit.epochs(1).batch(4)));
        assertTrue(e.getMessage().startsWith("dataset: sample 6 has NaN in its input (value 1 of (2,))"), e.getMessage());
    }

    @Test
    void sequentialWithoutAShapeIsRefusedAtOnce() {
        var e = assertThrows(IllegalArgumentException.class, () -> Model.sequential(null));
        assertTrue(e.getMessage().contains("needs the input shape"), e.getMessage());
    }

    @Test
    void countsParametersBeyondTwoBillionAndRefusesAModelTooLargeBeforeAllocating() {
        Model huge = Model.sequential(Shape.of(100_000)).dense(100_000);
        assertEquals(10_000_100_000L, huge.params());
        assertEquals(10_000_100_000L, huge.summary().longColumn("params").sum(), 0);
        Dataset one = Dataset.of(Shape.of(100_000), new float[100_000], new int[] {0});
        var e = assertThrows(IllegalArgumentException.class, () -> huge.fit(one, Fit.epochs(1)));
        assertTrue(e.getMessage().startsWith("the model has 10,000,100,000 parameters (38,147 MB of float32 weights), more than"),
                e.getMessage());
    }
}
