package io.tinymlaas.nn;

import io.tinymlaas.ChartStyle;
import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Per-epoch loss and accuracy of a {@code fit}, train and validation, and seconds per epoch: the
 * listener {@code fit} returns, as Keras' History. Only epochs that ran to their end are rows; a
 * fit stopped early says why ({@link #stopReason}). Columns a fit has no values for (validation
 * without validation data, accuracy of a regression) are left out of the table.
 */
public final class History implements TrainingListener, Displayable {
    private static final List<Metric> METRICS = List.of(
            new Metric("loss", TrainingListener.EpochEvent::loss),
            new Metric("accuracy", TrainingListener.EpochEvent::accuracy),
            new Metric("val_loss", TrainingListener.EpochEvent::validationLoss),
            new Metric("val_accuracy", TrainingListener.EpochEvent::validationAccuracy));

    private record Metric(String name, ToDoubleFunction<TrainingListener.EpochEvent> value) {
    }

    private final List<TrainingListener.EpochEvent> epochs = new ArrayList<>();
    private String stopReason;

    @Override
    public void onEpochEnd(Training training, EpochEvent event) {
        epochs.add(event);
    }

    @Override
    public void onTrainEnd(Training training) {
        stopReason = training.stopReason().orElse(null);
    }

    /** True when the fit ended before its last epoch (a listener stopped it, or ■ in a notebook). */
    public boolean stopped() {
        return stopReason != null;
    }

    /** Why the fit ended early, as the one who stopped it said. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Epochs that ran to their end. */
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

    /** The metrics this fit has values for, in the order loss, accuracy, val_loss, val_accuracy. */
    private List<Metric> measured() {
        return METRICS.stream().filter(m -> epochs.stream().anyMatch(e -> !Double.isNaN(m.value().applyAsDouble(e))))
                .toList();
    }

    /** Columns epoch, loss, accuracy, val_loss, val_accuracy, seconds (those with values). */
    public Table table() {
        List<Column<?>> columns = new ArrayList<>();
        columns.add(IntColumn.create("epoch", epochs.stream().mapToInt(TrainingListener.EpochEvent::epoch).toArray()));
        for (Metric m : measured()) {
            columns.add(DoubleColumn.create(m.name(), epochs.stream().mapToDouble(m.value())));
        }
        columns.add(DoubleColumn.create("seconds", epochs.stream().mapToDouble(TrainingListener.EpochEvent::seconds)));
        return Table.create("history", columns);
    }

    /** Loss and accuracy per epoch. */
    public XYChart chart() {
        XYChart chart = ChartStyle.lines("training", "epoch", "");
        int last = epochs.isEmpty() ? 1 : epochs.get(epochs.size() - 1).epoch();
        ChartStyle.wholeUnitsAxis(chart, epochs.isEmpty() ? 0 : epochs.get(0).epoch(), last);
        double highest = 0;
        double[] x = epochs.stream().mapToDouble(TrainingListener.EpochEvent::epoch).toArray();
        for (Metric m : measured()) {
            double[] y = epochs.stream().mapToDouble(m.value()).toArray();
            for (double v : y) {
                highest = Double.isFinite(v) ? Math.max(highest, v) : highest;
            }
            chart.addSeries(m.name(), x, y);
        }
        ChartStyle.zeroToRound(chart, highest);
        return chart;
    }

    @Override
    public String toHtml() {
        List<Metric> shown = measured();
        StringBuilder s = new StringBuilder("<table><tr><th>epoch</th>");
        shown.forEach(m -> s.append("<th>").append(m.name()).append("</th>"));
        s.append("<th>seconds</th></tr>");
        for (var e : epochs) {
            s.append("<tr><td>").append(e.epoch()).append("</td>");
            shown.forEach(m -> s.append(String.format("<td>%.4f</td>", m.value().applyAsDouble(e))));
            s.append(String.format("<td>%.2f</td></tr>", e.seconds()));
        }
        s.append("</table>");
        if (stopReason != null) {
            s.append("<p><b>").append(Html.escape(stopReason)).append("</b></p>");
        }
        return s.toString();
    }

    @Override
    public byte[] toPng() {
        if (epochs.isEmpty()) {
            return null;
        }
        return ChartStyle.png(chart());
    }

    @Override
    public String toString() {
        return table().print() + (stopReason != null ? "\n" + stopReason : "");
    }
}
