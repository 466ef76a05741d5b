package io.tinymlaas.nn;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-epoch loss and accuracy of a {@code fit}, train and validation, and seconds per epoch.
 * An interrupted fit records the epoch it stopped in (its figures cover the finished batches).
 */
public final class History implements Displayable {
    private final List<TrainingListener.EpochEvent> epochs = new ArrayList<>();
    private String interruption;

    void add(TrainingListener.EpochEvent e) {
        epochs.add(e);
    }

    void markInterrupted(String message) {
        interruption = message;
    }

    /** True when the fit was interrupted; the model kept the weights of the last finished batch. */
    public boolean interrupted() {
        return interruption != null;
    }

    /** What happened when interrupted, else null. */
    public String interruption() {
        return interruption;
    }

    public int epochs() {
        return epochs.size();
    }

    /** Training loss of epoch {@code e} (from 1). */
    public double loss(int e) {
        return epochs.get(e - 1).loss();
    }

    public double accuracy(int e) {
        return epochs.get(e - 1).accuracy();
    }

    public double validationLoss(int e) {
        return epochs.get(e - 1).validationLoss();
    }

    public double validationAccuracy(int e) {
        return epochs.get(e - 1).validationAccuracy();
    }

    public double seconds(int e) {
        return epochs.get(e - 1).seconds();
    }

    /** The last epoch's training loss. */
    public double lastLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).loss();
    }

    /** Columns epoch, loss, accuracy, val_loss, val_accuracy, seconds. */
    public Table table() {
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        DoubleColumn valLoss = DoubleColumn.create("val_loss");
        DoubleColumn valAccuracy = DoubleColumn.create("val_accuracy");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (var e : epochs) {
            epoch.append(e.epoch());
            loss.append(e.loss());
            accuracy.append(e.accuracy());
            valLoss.append(e.validationLoss());
            valAccuracy.append(e.validationAccuracy());
            seconds.append(e.seconds());
        }
        return Table.create("history", epoch, loss, accuracy, valLoss, valAccuracy, seconds);
    }

    /** Loss and accuracy per epoch. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(640).height(360).title("training").xAxisTitle("epoch").build();
        double[] x = new double[epochs.size()];
        double[][] series = new double[4][epochs.size()];
        for (int i = 0; i < x.length; i++) {
            var e = epochs.get(i);
            x[i] = e.epoch();
            series[0][i] = e.loss();
            series[1][i] = e.accuracy();
            series[2][i] = e.validationLoss();
            series[3][i] = e.validationAccuracy();
        }
        String[] names = {"loss", "accuracy", "val_loss", "val_accuracy"};
        for (int s = 0; s < names.length; s++) {
            if (x.length > 0 && !Double.isNaN(series[s][0])) {
                chart.addSeries(names[s], x, series[s]);
            }
        }
        return chart;
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder("<table><tr><th>epoch</th><th>loss</th><th>accuracy</th>"
                + "<th>val_loss</th><th>val_accuracy</th><th>seconds</th></tr>");
        for (var e : epochs) {
            s.append(String.format("<tr><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.2f</td></tr>",
                    e.epoch(), e.loss(), e.accuracy(), e.validationLoss(), e.validationAccuracy(), e.seconds()));
        }
        s.append("</table>");
        if (interruption != null) {
            s.append("<p><b>").append(Html.escape(interruption)).append("</b></p>");
        }
        return s.toString();
    }

    @Override
    public byte[] toPng() {
        if (epochs.isEmpty()) {
            return null;
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return table().print() + (interruption != null ? "\n" + interruption : "");
    }
}
