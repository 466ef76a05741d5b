package io.tinymlaas.nn;

/**
 * Hears how training goes. Called on the training thread between batches: keep it quick (a
 * notebook chart should redraw at most a few times a second).
 */
public interface TrainingListener {
    /** After every batch. */
    default void onBatch(BatchEvent event) {
    }

    /** After every epoch, validation included. */
    default void onEpoch(EpochEvent event) {
    }

    /** When fit ends, normally or interrupted. */
    default void onEnd(History history) {
    }

    /**
     * One finished batch. Loss and accuracy are running means over the epoch so far.
     * Epochs and batches count from 1.
     */
    record BatchEvent(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                      double samplesPerSecond, double etaSeconds) {
    }

    /** One finished epoch; validation values are NaN without validation data. */
    record EpochEvent(int epoch, int epochs, double loss, double accuracy, double validationLoss,
                      double validationAccuracy, double seconds) {
    }
}
