package io.tinymlaas.kernel.training;

import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.kernel.display.DisplaySink;
import io.tinymlaas.kernel.display.Displays;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;
import io.tinymlaas.nn.Training;
import io.tinymlaas.nn.TrainingListener;
import io.tinymlaas.ChartStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveTrainingChartTest {

    /** What the chart sent to the notebook: one display, then updates of that same display. */
    private static final class RecordingSink implements DisplaySink {
        final List<String> ids = new ArrayList<>();
        final List<Object> values = new ArrayList<>();
        int displays;

        @Override
        public void display(Object value, String displayId) {
            displays++;
            ids.add(displayId);
            values.add(value);
        }

        @Override
        public void update(String displayId, Object value) {
            ids.add(displayId);
            values.add(value);
        }

        @Override
        public void clear() {
        }
    }

    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void disconnect() {
        Displays.connect(DisplaySink.PRINT);
    }

    private XYChart train(Model model, io.tinymlaas.data.Dataset data, Fit fit) throws Exception {
        Displays.connect(sink);
        // Displays connected: this is a notebook, and every fit gets its chart (NotebookTraining).
        model.fit(data, fit);
        assertEquals(1, sink.displays, "one chart is shown, then updated in place");
        assertTrue(sink.ids.stream().allMatch(sink.ids.get(0)::equals), "every update goes to the first display");
        Object last = sink.values.get(sink.values.size() - 1);
        XYChart chart = assertInstanceOf(XYChart.class, last);
        assertTrue(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG).length > 1000, "the chart draws");
        return chart;
    }

    @Test
    void showsLossAccuracyAndValidationOfAClassifier() throws Exception {
        var xor = io.tinymlaas.data.Dataset.fromTable(
                tech.tablesaw.api.Table.create("xor",
                        tech.tablesaw.api.DoubleColumn.create("a", new double[] {0, 0, 1, 1, 0, 0, 1, 1}),
                        tech.tablesaw.api.DoubleColumn.create("b", new double[] {0, 1, 0, 1, 0, 1, 0, 1}),
                        tech.tablesaw.api.IntColumn.create("label", new int[] {0, 1, 1, 0, 0, 1, 1, 0})), "label");
        var model = Model.sequential(Shape.of(2)).dense(8).relu().dense(2).softmax();
        XYChart chart = train(model, xor, Fit.epochs(2).batch(2).adam(0.01).validation(xor).seed(1));
        assertTrue(chart.getTitle().startsWith("epoch 2/2"), chart.getTitle());
        assertTrue(chart.getSeriesMap().keySet().containsAll(List.of("loss", "accuracy", "validation loss", "validation accuracy")),
                chart.getSeriesMap().keySet().toString());
    }

    @Test
    void axesStayReadableFromTheFirstBatch() throws Exception {
        var model = Model.sequential(Shape.of(1)).dense(16).relu().dense(1);
        Displays.connect(sink);
        var stopped = model.fit(Datasets.sine(256, 3), Fit.epochs(3).batch(32).adam(0.01).seed(2).listener(new TrainingListener() {
            @Override
            public void onBatchEnd(Training training, BatchEvent event) {
                training.stop("stopped after one batch: so the chart shows a single point");
            }
        }));
        assertEquals(0, stopped.epochs());
        XYChart chart = assertInstanceOf(XYChart.class, sink.values.get(sink.values.size() - 1));
        assertEquals("stopped after one batch", chart.getTitle(), "the stop note, short, as the title");
        var styler = chart.getStyler();
        assertEquals(0.0, styler.getXAxisMin());
        assertEquals(3.0, styler.getXAxisMax(), "the x axis spans the epochs asked for from the start");
        assertEquals(0.0, styler.getYAxisMin());
        double top = styler.getYAxisMax();
        assertTrue(ChartStyle.tick(top).length() <= 3, "a round top, e.g. 0.8 or 3: " + top);
        assertEquals("0.3", styler.getyAxisTickLabelsFormattingFunction().apply(0.30000000000000004));
        assertEquals("2.5", styler.getyAxisTickLabelsFormattingFunction().apply(2.5000000000000004));
        assertEquals(" ", styler.getxAxisTickLabelsFormattingFunction().apply(0.25), "no label between whole epochs");
        assertEquals("2", styler.getxAxisTickLabelsFormattingFunction().apply(2.0000000001));
        assertEquals(ChartStyle.WIDTH, chart.getWidth());
        assertEquals(java.awt.Color.WHITE, styler.getPlotBackgroundColor());
    }

    @Test
    void drawsARegressionWhoseAccuracyIsUndefined() throws Exception {
        var model = Model.sequential(Shape.of(1)).dense(16).relu().dense(1);
        XYChart chart = train(model, Datasets.sine(256, 3), Fit.epochs(2).batch(32).adam(0.01).seed(2));
        assertTrue(chart.getTitle().startsWith("epoch 2/2"), chart.getTitle());
        assertTrue(chart.getSeriesMap().containsKey("loss"));
        assertFalse(chart.getSeriesMap().containsKey("accuracy"), "a regression has no accuracy to draw");
        assertFalse(chart.getTitle().contains("NaN"), chart.getTitle());
    }
}
