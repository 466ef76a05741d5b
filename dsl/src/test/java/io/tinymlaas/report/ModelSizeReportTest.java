package io.tinymlaas.report;

import io.tinymlaas.data.Shape;
import io.tinymlaas.nn.Model;
import io.tinymlaas.target.Target;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports of float Models: the same ops as their quantized graphs, at float32. */
class ModelSizeReportTest {
    private static final Target ESP32 = Target.of("esp32");

    private static Model cnn() {
        return Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
    }

    private static Model mlp() {
        return Model.sequential(Shape.of(784)).dense(128).relu().dropout(0.2).dense(10).softmax();
    }

    @Test
    void floatCnnIsFourBytesAWeightAndAnActivation() {
        SizeReport r = SizeReport.of(cnn().graph(), ESP32);
        assertEquals(Precision.FLOAT32, r.precision());
        assertEquals(4L * (72 + 13_520), r.flashBreakdown().get("weights"));
        assertEquals(4L * (5408 + 1352), r.arenaBytes());
        assertEquals(5, r.table().rowCount());        // relu fused into the conv
        assertEquals("conv2d(8, 3)", r.table().stringColumn("layer").get(0));
        assertTrue(r.fits(), r.why());
    }

    @Test
    void int8SideOfAModelIsItsQuantizedGraph() {
        assertSameEstimate(SizeReport.of(TestGraphs.cnn(), ESP32), SizeReport.of(cnn().graph(), ESP32).other());
        assertSameEstimate(SizeReport.of(TestGraphs.mlp(), ESP32), SizeReport.of(mlp().graph(), ESP32).other());
    }

    private static void assertSameEstimate(SizeReport expected, SizeReport actual) {
        assertEquals(Precision.INT8, actual.precision());
        assertEquals(expected.flashBreakdown(), actual.flashBreakdown());
        assertEquals(expected.ramBreakdown(), actual.ramBreakdown());
        assertEquals(expected.latencyMillis(), actual.latencyMillis(), 1e-12);
    }

    @Test
    void globalAvgPoolIsAMeanThatReplacesTheWideDense() {
        Model gap = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().globalAvgPool().dense(10).softmax();
        SizeReport r = SizeReport.of(gap.graph(), ESP32).other();
        assertEquals("globalAvgPool()", r.table().stringColumn("layer").get(1));
        assertEquals(72 + 80, r.flashBreakdown().get("weights"));        // conv 8x3x3x1, dense 8x10: no 13 520
        assertEquals(gap.params(), r.table().longColumn("params").sum(), 0);
        assertEquals(gap.macs(), r.table().longColumn("MACs").sum(), 0);
        assertTrue(r.latencyMillis() < SizeReport.of(cnn().graph(), ESP32).other().latencyMillis());
    }

    @Test
    void mlpMacsAndParamsMatchTheModel() {
        Model m = mlp();
        SizeReport r = SizeReport.of(m.graph(), ESP32);
        assertEquals(m.params(), r.table().longColumn("params").sum(), 0);
        assertEquals(m.macs(), r.table().longColumn("MACs").sum(), 0);
    }

    @Test
    void floatMlpOverflowsTheUnoMoreThanInt8() {
        SizeReport f32 = SizeReport.of(mlp().graph(), Target.of("arduino-uno"));
        assertFalse(f32.fits());
        assertTrue(f32.why().startsWith("float32 model does not fit arduino-uno"), f32.why());
        assertTrue(f32.why().contains("dense(128) holds 392.5 KB"), f32.why());   // 4 x (100352 + 128)
        assertEquals(4 * f32.other().flashBreakdown().get("weights"), f32.flashBreakdown().get("weights"));
    }

    @Test
    void sizesAnyModelForTheMagics() {
        assertEquals(Precision.FLOAT32, SizeReport.ofAny(mlp(), ESP32).precision());
        assertEquals(Precision.INT8, SizeReport.ofAny(TestGraphs.mlp(), ESP32).precision());
    }
}
