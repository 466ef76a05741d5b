package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to train: {@code Fit.epochs(2).batch(64).sgd(0.05).seed(42)}. Defaults: batch 32, SGD with
 * learning rate 0.01, seed 0, all processors, the loss that suits the dataset (cross-entropy for
 * labels, MSE for targets), a text progress bar on stderr unless a listener shows progress (the
 * notebook's live chart).
 */
public final class Fit {
    enum Method { SGD, ADAM }

    private final int epochs;
    private int batch = 32;
    private Method method = Method.SGD;
    private double learningRate = 0.01;
    private double momentum;
    private long seed;
    private Dataset validation;
    private double validationFraction;
    private Loss loss;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Boolean progress;
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Fit(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs(" + epochs + "): train for at least 1 epoch");
        }
        this.epochs = epochs;
    }

    /** Passes over the training data. */
    public static Fit epochs(int epochs) {
        return new Fit(epochs);
    }

    /** Samples per gradient step. */
    public Fit batch(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch(" + size + "): a batch holds at least 1 sample, e.g. 32");
        }
        this.batch = size;
        return this;
    }

    /** Plain stochastic gradient descent. */
    public Fit sgd(double learningRate) {
        return sgd(learningRate, 0);
    }

    /** SGD with momentum (e.g. 0.9). */
    public Fit sgd(double learningRate, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum " + momentum + " must be in [0, 1), e.g. 0.9");
        }
        this.method = Method.SGD;
        this.learningRate = positive(learningRate);
        this.momentum = momentum;
        return this;
    }

    /** Adam, e.g. adam(0.001). */
    public Fit adam(double learningRate) {
        this.method = Method.ADAM;
        this.learningRate = positive(learningRate);
        return this;
    }

    /** Reports loss and accuracy on {@code data} after every epoch. */
    public Fit validation(Dataset data) {
        this.validation = data;
        this.validationFraction = 0;
        return this;
    }

    /** Holds out a random {@code fraction} of the training data for validation. */
    public Fit validation(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation(" + fraction + "): the fraction must be between 0 and 1, e.g. 0.1");
        }
        this.validationFraction = fraction;
        this.validation = null;
        return this;
    }

    /** Seed of the initial weights (of a model not yet trained), the shuffling and dropout. */
    public Fit seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Fit loss(Loss loss) {
        this.loss = loss;
        return this;
    }

    /**
     * Threads that share each batch. The same seed and thread count give the same weights; the
     * default is every processor.
     */
    public Fit threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads(" + count + "): at least 1");
        }
        this.threads = count;
        return this;
    }

    /** Whether a text progress bar is written to stderr (default: yes, unless a listener such as the notebook's chart shows progress). */
    public Fit progress(boolean show) {
        this.progress = show;
        return this;
    }

    /** Hears the fit and may stop it, e.g. {@code listener(EarlyStopping.monitor("val_loss").patience(3))}. */
    public Fit listener(TrainingListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null: pass a TrainingListener, e.g. EarlyStopping.monitor(\"val_loss\")");
        }
        listeners.add(listener);
        return this;
    }

    int epochCount() {
        return epochs;
    }

    int batchSize() {
        return batch;
    }

    Method method() {
        return method;
    }

    double learningRate() {
        return learningRate;
    }

    double momentum() {
        return momentum;
    }

    long seedValue() {
        return seed;
    }

    Dataset validationData() {
        return validation;
    }

    double validationFraction() {
        return validationFraction;
    }

    Loss lossOr(Loss fallback) {
        return loss != null ? loss : fallback;
    }

    int threadCount() {
        return threads;
    }

    /** The explicit progress choice, empty for the default. */
    Optional<Boolean> progress() {
        return Optional.ofNullable(progress);
    }

    List<TrainingListener> listeners() {
        return List.copyOf(listeners);
    }

    String optimizerDescription() {
        return method == Method.ADAM ? "adam(" + learningRate + ")"
                : momentum > 0 ? "sgd(" + learningRate + ", momentum " + momentum + ")" : "sgd(" + learningRate + ")";
    }

    private static double positive(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " must be positive, e.g. 0.01");
        }
        return learningRate;
    }

    @Override
    public String toString() {
        return "Fit.epochs(" + epochs + ").batch(" + batch + ")." + optimizerDescription() + ".seed(" + seed + ")";
    }
}
