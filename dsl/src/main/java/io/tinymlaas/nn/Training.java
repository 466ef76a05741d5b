package io.tinymlaas.nn;

import java.util.Optional;

/**
 * A fit in progress, as its listeners see it: the model being trained, the plan (epochs, batches),
 * and the way to end it early, as Keras' {@code model.stop_training}.
 */
public final class Training {
    private final Model model;
    private final int epochs;
    private final int batches;
    private volatile String stopReason;

    Training(Model model, int epochs, int batches) {
        this.model = model;
        this.epochs = epochs;
        this.batches = batches;
    }

    public Model model() {
        return model;
    }

    /** Epochs the fit was asked for. */
    public int epochs() {
        return epochs;
    }

    public int batchesPerEpoch() {
        return batches;
    }

    /**
     * Ends the fit after the current batch (or epoch, when called at an epoch's end); the model
     * keeps the weights it has then. The first reason given is the one the fit reports.
     */
    public synchronized void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason == null || reason.isBlank() ? "stopped by a listener" : reason;
        }
    }

    /**
     * Stops after the batch {@code at} (from {@link TrainingListener#onBatchEnd}), saying why and
     * where: "fit stopped (why) in epoch 2 after batch 17 of 938: the model keeps the weights of
     * the last finished batch".
     */
    public void stopAfter(TrainingListener.BatchEvent at, String why) {
        stop("fit stopped (" + why + ") in epoch " + at.epoch() + " after batch " + at.batch() + " of "
                + at.batches() + ": the model keeps the weights of the last finished batch");
    }

    public boolean stopping() {
        return stopReason != null;
    }

    /** Why the fit ended early; empty while it runs to its last epoch. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** A copy of every weight and bias of the model, for {@link #restoreWeights}. */
    public float[] copyWeights() {
        return model.network().params.clone();
    }

    /** Puts back weights from {@link #copyWeights} (e.g. of the best epoch). */
    public void restoreWeights(float[] weights) {
        float[] params = model.network().params;
        if (weights.length != params.length) {
            throw new IllegalArgumentException(weights.length + " weights for a model of " + params.length);
        }
        System.arraycopy(weights, 0, params, 0, weights.length);
    }
}
