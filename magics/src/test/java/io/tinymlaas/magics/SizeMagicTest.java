package io.tinymlaas.magics;

import io.tinymlaas.Session;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.OpKind;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.nn.Model;
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
    private final Session session = new Session();
    private final SizeMagic magic = new SizeMagic(session);

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
        session.target("nrf52840");
        Object shown = magic.run("g", new FakeContext().with("g", dense(10)));
        SizeReport report = (SizeReport) shown;
        assertEquals("nrf52840", report.target().name());
        assertEquals(784 * 10, report.flashBreakdown().get("weights"));
        assertTrue(report.fits());
    }

    @Test
    void asksAModelForItsOwnReport() throws Exception {
        SizeReportable model = target -> SizeReport.of(dense(64), target);
        session.target("arduino-uno");
        SizeReport report = (SizeReport) magic.run("q", new FakeContext().with("q", model));
        assertEquals("arduino-uno", report.target().name());
        assertFalse(report.fits());
    }

    @Test
    void defaultsToTheLastQuantizedModel() throws Exception {
        session.lastQuantized(dense(32));
        SizeReport report = (SizeReport) magic.run("", new FakeContext());
        assertEquals("esp32", report.target().name());
        assertEquals(784 * 32, report.flashBreakdown().get("weights"));
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
