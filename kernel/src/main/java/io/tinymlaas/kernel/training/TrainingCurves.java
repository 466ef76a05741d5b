package io.tinymlaas.kernel.training;

import io.tinymlaas.ChartStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.List;

/**
 * Loss and accuracy of a fit so far, per batch (running means over the epoch) and per epoch
 * (validation): the data of the live chart, drawn on an axis of all the fit's epochs.
 */
final class TrainingCurves {
    private final int epochs;
    private final List<Double> batchX = new ArrayList<>();
    private final List<Double> loss = new ArrayList<>();
    private final List<Double> accuracy = new ArrayList<>();
    private final List<Double> epochX = new ArrayList<>();
    private final List<Double> validationLoss = new ArrayList<>();
    private final List<Double> validationAccuracy = new ArrayList<>();
    private double highest;

    TrainingCurves(int epochs) {
        this.epochs = epochs;
    }

    private TrainingCurves(TrainingCurves from) {
        this(from.epochs);
        batchX.addAll(from.batchX);
        loss.addAll(from.loss);
        accuracy.addAll(from.accuracy);
        epochX.addAll(from.epochX);
        validationLoss.addAll(from.validationLoss);
        validationAccuracy.addAll(from.validationAccuracy);
        highest = from.highest;
    }

    /** A copy to draw on another thread while this one grows. */
    TrainingCurves snapshot() {
        return new TrainingCurves(this);
    }

    /** Batch {@code batch} of {@code batches} (from 1) in epoch {@code epoch} (from 1). */
    void batch(int epoch, int batch, int batches, double meanLoss, double meanAccuracy) {
        batchX.add(epoch - 1 + (double) batch / batches);
        loss.add(meanLoss);
        accuracy.add(meanAccuracy);
        see(meanLoss, meanAccuracy);
    }

    void validation(int epoch, double meanLoss, double meanAccuracy) {
        if (Double.isNaN(meanLoss)) {
            return;
        }
        epochX.add((double) epoch);
        validationLoss.add(meanLoss);
        validationAccuracy.add(meanAccuracy);
        see(meanLoss, meanAccuracy);
    }

    private void see(double lossValue, double accuracyValue) {
        highest = Math.max(highest, Double.isFinite(lossValue) ? lossValue : 0);
        if (!Double.isNaN(accuracyValue)) {
            highest = Math.max(highest, 1);
        }
    }

    boolean isEmpty() {
        return batchX.isEmpty();
    }

    /** Regression has no accuracy (NaN): then it is not drawn. */
    private boolean classifies() {
        return !accuracy.isEmpty() && !Double.isNaN(accuracy.get(0));
    }

    XYChart chart(String title) {
        XYChart chart = ChartStyle.lines(title, "epoch", classifies() ? "loss / accuracy" : "loss");
        ChartStyle.wholeUnitsAxis(chart, 0, epochs);
        ChartStyle.zeroToRound(chart, highest);
        chart.addSeries("loss", batchX, loss).setMarker(SeriesMarkers.NONE);
        if (classifies()) {
            chart.addSeries("accuracy", batchX, accuracy).setMarker(SeriesMarkers.NONE);
        }
        if (!epochX.isEmpty()) {
            chart.addSeries("validation loss", epochX, validationLoss).setMarker(SeriesMarkers.CIRCLE);
            if (classifies()) {
                chart.addSeries("validation accuracy", epochX, validationAccuracy).setMarker(SeriesMarkers.DIAMOND);
            }
        }
        return chart;
    }
}
