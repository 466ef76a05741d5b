package io.tinymlaas.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Prediction;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.nn.Model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class QuantizedModelTest {
    private static Model model;
    private static QuantizedModel q;
    private static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void quantize() {
        model = QuantizerTest.everyLayerModel();
        data = QuantizerTest.randomImages(40, 8);
        q = model.quantize(data);
    }

    @Test
    void saveThenLoadGivesTheSameBytesForEveryInput() {
        Path file = dir.resolve("model.tmq");
        q.save(file);
        QuantizedModel loaded = QuantizedModel.load(file);
        assertEquals(q.graph().tensors(), loaded.graph().tensors());
        for (int i = 0; i < data.size(); i++) {
            byte[] input = q.quantizeInput(data.input(i));
            assertArrayEquals(q.predictRaw(input), loaded.predictRaw(input));
            assertArrayEquals(input, loaded.quantizeInput(data.input(i)));
        }
        for (int t = 0; t < q.graph().tensors().size(); t++) {
            assertEquals(q.sourceLayer(t), loaded.sourceLayer(t));
        }
    }

    @Test
    void loadRefusesForeignTruncatedDamagedAndNewerFiles() throws IOException {
        Path file = dir.resolve("model.tmq");
        q.save(file);
        byte[] good = Files.readAllBytes(file);

        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "PK\u0003\u0004 not a model");
        assertTrue(message(foreign).contains("is not a quantized model file"), message(foreign));

        Path truncated = dir.resolve("truncated.tmq");
        Files.write(truncated, Arrays.copyOf(good, good.length - 100));
        assertTrue(message(truncated).contains("truncated or damaged"), message(truncated));

        Path damaged = dir.resolve("damaged.tmq");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Files.write(damaged, flipped);
        assertTrue(message(damaged).contains("truncated or damaged"), message(damaged));

        Path newer = dir.resolve("newer.tmq");
        byte[] v3 = good.clone();
        ByteBuffer.wrap(v3).putInt(4, 3);
        Files.write(newer, v3);
        assertTrue(message(newer).contains("is a version 3 quantized model; this library reads version 2"), message(newer));
    }

    private static String message(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> QuantizedModel.load(file)).getMessage();
    }

    @Test
    void predictDequantizesTheOutputAndEvaluateCountsLabels() {
        byte[] raw = q.predictRaw(q.quantizeInput(data.input(0)));
        Prediction p = q.predict(data.input(0));
        for (int i = 0; i < raw.length; i++) {
            assertEquals((raw[i] + 128) / 256f, p.scores()[i], 1e-7);
            assertTrue(raw[i] <= raw[p.label()]);
        }
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            correct += q.predict(data.input(i)).label() == data.label(i) ? 1 : 0;
        }
        Int8Evaluation e = q.evaluate(data);
        assertEquals(new Int8Evaluation(correct, 40), e);
        assertEquals(correct / 40.0, e.accuracy());
    }

    @Test
    void tensorsTableListsEveryScaleAndZeroPoint() {
        Table t = q.tensors();
        assertEquals(q.graph().tensors().size(), t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            TensorSpec spec = q.graph().tensors().get(i);
            assertEquals(spec.name(), t.stringColumn("tensor").get(i));
            assertEquals(spec.scale(), t.doubleColumn("scale").get(i), 0);
            assertEquals(spec.zeroPoint(), t.intColumn("zero point").get(i));
        }
        assertTrue(q.toHtml().contains("<table") && q.toHtml().contains("DEPTHWISE_CONV_2D"), q.toHtml());
    }

    @Test
    void comparisonShowsAsTableChartAndCard() {
        Comparison c = q.compare(model, data);
        assertEquals(q.graph().tensors().size(), c.table().rowCount());
        byte[] png = c.toPng();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(c.toHtml().contains("lowest SQNR"), c.toHtml());
        assertTrue(c.worst().sqnrDb() <= c.layers().get(1).sqnrDb());
    }

    @Test
    void evaluateRefusesLabelsTheModelDoesNotHaveAndEmptyData() {
        int classes = q.graph().tensors().get(q.graph().output()).shape().size();
        Dataset beyond = Dataset.of(data.shape(), new float[][] {new float[data.shape().size()]}, new int[] {classes + 2});
        var e = assertThrows(IllegalArgumentException.class, () -> q.evaluate(beyond));
        assertTrue(e.getMessage().contains("has labels 0.." + (classes + 2) + " but the model outputs (" + classes + ",)"),
                e.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> q.evaluate(data.take(0)));
        assertEquals("cannot evaluate on dataset: the dataset is empty", empty.getMessage());
    }

    @Test
    void warnsWhenCalibrationDataIsConstantOrAbsurd() {
        int n = data.shape().size();
        float[][] constant = {new float[n], new float[n]};
        float[][] absurd = {new float[n], new float[n]};
        java.util.Arrays.fill(absurd[1], 1e30f);
        java.util.Arrays.fill(absurd[0], -1e30f);
        String constantWarnings = stderrOf(() -> model.quantize(Dataset.of(data.shape(), constant, new int[2])));
        assertTrue(constantWarnings.contains("warning: every calibration input value is 0.0"), constantWarnings);
        String absurdWarnings = stderrOf(() -> QuantizerTest.everyLayerModel()
                .quantize(Dataset.of(data.shape(), absurd, new int[2])));
        assertTrue(absurdWarnings.contains("warning: the model input reaches 1.0E30 on the calibration data"), absurdWarnings);
        assertEquals("", stderrOf(() -> model.quantize(data)));
    }

    private static String stderrOf(Runnable r) {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            System.err.println("refused: " + e.getMessage());
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
