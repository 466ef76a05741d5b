package io.tinymlaas.nn;

/**
 * Hears a {@code fit} as Keras callbacks do: begin and end of the training, of each epoch and of
 * each batch, with the {@link Training} in progress (its model; {@link Training#stop} ends the
 * fit). History, the progress bar, the notebook's live chart, its ■ button and
 * {@link EarlyStopping} are listeners like any other. Called on the training thread between
 * batches: keep it quick (a chart redraws at most a few times a second, and not on this thread).
 */
public interface TrainingListener {

    default void onTrainBegin(Training training) {
    }

    /** Before epoch {@code epoch} (from 1). */
    default void onEpochBegin(Training training, int epoch) {
    }

    /** Before batch {@code batch} (from 1) of epoch {@code epoch}. */
    default void onBatchBegin(Training training, int epoch, int batch) {
    }

    /** After every batch. */
    default void onBatchEnd(Training training, BatchEvent event) {
    }

    /** After every epoch that ran to its end, validation included (an epoch stopped midway has no end). */
    default void onEpochEnd(Training training, EpochEvent event) {
    }

    /** When fit ends, whether it ran all its epochs or was stopped ({@link Training#stopReason}). */
    default void onTrainEnd(Training training) {
    }

    /**
     * True for a listener that shows the fit's progress itself (the notebook's live chart): then
     * no text progress bar is added unless {@code Fit.progress(true)} asks for one.
     */
    default boolean showsProgress() {
        return false;
    }

    /**
     * One finished batch. Loss and accuracy are running means over the epoch so far (accuracy is
     * NaN for regression). Epochs and batches count from 1.
     */
    record BatchEvent(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                      double samplesPerSecond, double etaSeconds) {
    }

    /** One finished epoch; validation values are NaN without validation data, accuracies NaN for regression. */
    record EpochEvent(int epoch, int epochs, double loss, double accuracy, double validationLoss,
                      double validationAccuracy, double seconds) {

        /** A metric by its Keras name: "loss", "accuracy", "val_loss" or "val_accuracy". */
        public double metric(String name) {
            return switch (name) {
                case "loss" -> loss;
                case "accuracy" -> accuracy;
                case "val_loss" -> validationLoss;
                case "val_accuracy" -> validationAccuracy;
                default -> throw new IllegalArgumentException("no metric '" + name
                        + "': use loss, accuracy, val_loss or val_accuracy");
            };
        }
    }
}
