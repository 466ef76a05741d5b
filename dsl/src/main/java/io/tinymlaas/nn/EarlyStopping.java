package io.tinymlaas.nn;

import java.util.Locale;

/**
 * Ends a fit when a metric stops improving, as Keras' EarlyStopping:
 * {@code Fit.epochs(100).validation(0.1).listener(EarlyStopping.monitor("val_loss").patience(3).restoreBestWeights())}.
 * Losses should fall, accuracies rise. With {@link #restoreBestWeights()} the model ends with the
 * weights of its best epoch, not its last.
 */
public final class EarlyStopping implements TrainingListener {
    private final String metric;
    private final boolean higherIsBetter;
    private int patience;
    private double minDelta;
    private boolean restoreBest;

    // the fit being watched
    private double best;
    private int bestEpoch;
    private int lastEpoch;
    private int waited;
    private float[] bestWeights;

    private EarlyStopping(String metric) {
        this.metric = metric;
        this.higherIsBetter = metric.endsWith("accuracy");
    }

    /** Watches "val_loss", "val_accuracy", "loss" or "accuracy" (the columns of {@link History#table}). */
    public static EarlyStopping monitor(String metric) {
        String name = metric == null ? "" : metric.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("(val_)?(loss|accuracy)")) {
            throw new IllegalArgumentException("cannot monitor '" + metric + "': use val_loss, val_accuracy, loss or accuracy");
        }
        return new EarlyStopping(name);
    }

    /** Epochs without improvement to wait before stopping (default 0: stop at the first). */
    public EarlyStopping patience(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("patience(" + epochs + "): wait 0 or more epochs, e.g. 3");
        }
        this.patience = epochs;
        return this;
    }

    /** The least change that counts as an improvement (default 0). */
    public EarlyStopping minDelta(double delta) {
        if (!(delta >= 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("minDelta(" + delta + "): a change of 0 or more, e.g. 0.001");
        }
        this.minDelta = delta;
        return this;
    }

    /** At the end of the fit, the model gets back the weights of its best epoch. */
    public EarlyStopping restoreBestWeights() {
        this.restoreBest = true;
        return this;
    }

    @Override
    public void onTrainBegin(Training training) {
        best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = 0;
        lastEpoch = 0;
        waited = 0;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(Training training, EpochEvent event) {
        double value = event.metric(metric);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("EarlyStopping monitors " + metric + " but this fit has no " + metric
                    + (metric.startsWith("val_") ? ": add validation data, e.g. Fit...validation(0.1)" : ": a regression has no accuracy, monitor loss"));
        }
        lastEpoch = event.epoch();
        if (improves(value)) {
            best = value;
            bestEpoch = event.epoch();
            waited = 0;
            if (restoreBest) {
                bestWeights = training.copyWeights();
            }
            return;
        }
        waited++;
        if (waited >= Math.max(1, patience)) {
            training.stop(String.format(Locale.ROOT, "early stopping after epoch %d: %s has not improved by more than %s"
                            + " for %d epoch%s (best %.4f in epoch %d)%s", event.epoch(), metric, minDelta, waited,
                    waited == 1 ? "" : "s", best, bestEpoch,
                    restoreBest ? "; the model gets the weights of epoch " + bestEpoch : ""));
        }
    }

    private boolean improves(double value) {
        return higherIsBetter ? value - minDelta > best : value + minDelta < best;
    }

    @Override
    public void onTrainEnd(Training training) {
        if (restoreBest && bestWeights != null && bestEpoch != lastEpoch) {
            training.restoreWeights(bestWeights);
        }
    }

    /** The best epoch of the last fit (from 1; 0 before any epoch ended). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best value of the monitored metric in the last fit. */
    public double best() {
        return best;
    }
}
