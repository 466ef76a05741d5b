package io.tinymlaas.kernel.training;

import io.tinymlaas.kernel.display.Notebook;
import io.tinymlaas.nn.History;
import io.tinymlaas.nn.TrainingListener;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The chart a notebook shows while {@code fit} runs: loss and accuracy against epochs, drawn in
 * place (one display, updated) at most twice a second so that drawing never slows training.
 */
public final class LiveTrainingChart implements TrainingListener {
    private static final long REDRAW_NANOS = 500_000_000L;

    private final String displayId = "fit-" + UUID.randomUUID();
    private final List<Double> batchEpochs = new ArrayList<>();
    private final List<Double> batchLoss = new ArrayList<>();
    private final List<Double> batchAccuracy = new ArrayList<>();
    private final List<Double> epochs = new ArrayList<>();
    private final List<Double> validationLoss = new ArrayList<>();
    private final List<Double> validationAccuracy = new ArrayList<>();
    private String title = "training";
    private boolean shown;
    private long lastDraw;

    @Override
    public void onBatch(BatchEvent e) {
        batchEpochs.add(e.epoch() - 1 + (double) e.batch() / e.batches());
        batchLoss.add(e.loss());
        batchAccuracy.add(e.accuracy());
        title = String.format("epoch %d/%d, batch %d/%d: loss %.3f%s, %,.0f/s", e.epoch(), e.epochs(), e.batch(),
                e.batches(), e.loss(), accuracy(", acc", e.accuracy()), e.samplesPerSecond());
        if (System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw();
        }
    }

    @Override
    public void onEpoch(EpochEvent e) {
        if (!Double.isNaN(e.validationLoss())) {
            epochs.add((double) e.epoch());
            validationLoss.add(e.validationLoss());
            validationAccuracy.add(e.validationAccuracy());
        }
        title = String.format("epoch %d/%d: loss %.3f%s%s, %.1f s", e.epoch(), e.epochs(), e.loss(),
                accuracy(", acc", e.accuracy()), accuracy(", val acc", e.validationAccuracy()), e.seconds());
        draw();
    }

    /** Regression has no accuracy (NaN): then nothing is said of it. */
    private static String accuracy(String label, double value) {
        return Double.isNaN(value) ? "" : String.format("%s %.3f", label, value);
    }

    @Override
    public void onEnd(History history) {
        draw();
    }

    private void draw() {
        lastDraw = System.nanoTime();
        if (batchEpochs.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(720).height(320).title(title)
                .xAxisTitle("epoch").yAxisTitle(Double.isNaN(batchAccuracy.get(0)) ? "loss" : "loss / accuracy").build();
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.addSeries("loss", batchEpochs, batchLoss).setMarker(SeriesMarkers.NONE);
        if (!Double.isNaN(batchAccuracy.get(0))) {
            chart.addSeries("accuracy", batchEpochs, batchAccuracy).setMarker(SeriesMarkers.NONE);
        }
        if (!epochs.isEmpty()) {
            chart.addSeries("validation loss", epochs, validationLoss);
            if (!Double.isNaN(validationAccuracy.get(0))) {
                chart.addSeries("validation accuracy", epochs, validationAccuracy);
            }
        }
        if (shown) {
            Notebook.updateDisplay(displayId, chart);
        } else {
            Notebook.display(chart, displayId);
            shown = true;
        }
    }
}
