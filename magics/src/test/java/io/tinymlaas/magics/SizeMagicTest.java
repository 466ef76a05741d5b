package io.tinymlaas.magics;

import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.nn.Model;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.QuantizedModel;
import io.tinymlaas.report.Precision;
import io.tinymlaas.report.SizeReport;
import io.tinymlaas.report.SizeReportable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeMagicTest {
    private final FakeContext context = new FakeContext();
    private final NotebookState state = context.state();
    private final SizeMagic magic = new SizeMagic();

    /** 784 -> dense(units), dummy weights. */
    private static Graph dense(int units) {
        return new Graph(
                List.of(new TensorSpec("in", Shape.of(784), 1f, 0), new TensorSpec("out", Shape.of(units), 1f, 0)),
                List.of(new Op(OpKind.FULLY_CONNECTED, "fc", 0, 1, Window.NONE, new byte[784 * units],
                        new int[units], new int[units], new int[units], -128, 127, 0)),
                0, 1);
    }

    @Test
    void sizesANamedGraphOnTheCurrentTarget() throws Exception {
        state.target("nrf52840");
        Object shown = magic.run("g", context.with("g", dense(10)));
        SizeReport report = (SizeReport) shown;
        assertEquals("nrf52840", report.target().name());
        assertEquals(784 * 10, report.flashBreakdown().get("weights"));
        assertTrue(report.fits());
    }

    @Test
    void asksAModelForItsOwnReport() throws Exception {
        SizeReportable model = target -> SizeReport.of(dense(64), target);
        state.target("arduino-uno");
        SizeReport report = (SizeReport) magic.run("q", context.with("q", model));
        assertEquals("arduino-uno", report.target().name());
        assertFalse(report.fits());
    }

    /** A 1 -> units -> 1 model on sine, quantized: 2 * units int8 weights. */
    private static QuantizedModel quantized(int units) {
        var data = Datasets.sine(64, 1);
        return Model.sequential(Shape.of(1)).dense(units).relu().dense(1).seed(3).quantize(data);
    }

    @Test
    void defaultsToTheVariableThatLastReceivedAQuantizedModel() throws Exception {
        context.with("small", quantized(8)).with("big", quantized(32)).with("text", "not a model");
        SizeReport report = (SizeReport) magic.run("", context);
        assertEquals("esp32", report.target().name());
        assertEquals(2 * 32, report.flashBreakdown().get("weights"));
        context.with("small", quantized(8)); // small = ... assigned again: now the most recent
        assertEquals(2 * 8, ((SizeReport) magic.run("", context)).flashBreakdown().get("weights"));
    }

    @Test
    void saysWhatIsMissing() {
        var none = assertThrows(IllegalArgumentException.class, () -> magic.run("", new FakeContext()));
        assertTrue(none.getMessage().contains("no quantized model yet"), none.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> magic.run("qq", new FakeContext().with("q", dense(4))));
        assertTrue(unknown.getMessage().contains("no variable 'qq'") && unknown.getMessage().contains("[q]"),
                unknown.getMessage());
        var wrong = assertThrows(IllegalArgumentException.class,
                () -> magic.run("s", new FakeContext().with("s", "text")));
        assertTrue(wrong.getMessage().contains("s: cannot size a String"), wrong.getMessage());
    }

    @Test
    void sizesAFloatModel() throws Exception {
        Model model = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
        SizeReport report = (SizeReport) magic.run("model", new FakeContext().with("model", model));
        assertEquals(Precision.FLOAT32, report.precision());
        assertEquals(4 * (5408 + 1352), report.arenaBytes());
        assertTrue(report.toHtml().contains("fits esp32"));
    }

    @Test
    void completesTheNamesOfModels() {
        var context = new FakeContext().with("model", Model.sequential(Shape.of(4)).dense(2))
                .with("mnist", "data").with("mlp", dense(3)).with("q", dense(2));
        assertEquals(List.of("model", "mlp"), magic.complete("m", context));
        assertEquals(List.of("model", "mlp", "q"), magic.complete("", context));
    }
}
