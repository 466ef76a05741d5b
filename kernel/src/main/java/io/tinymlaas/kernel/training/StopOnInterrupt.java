package io.tinymlaas.kernel.training;

import io.tinymlaas.kernel.interrupt.Interrupts;
import io.tinymlaas.nn.Training;
import io.tinymlaas.nn.TrainingListener;

/**
 * ■ during a fit: the fit stops after the batch it is in and keeps those weights; the cell then
 * goes on with its next statement (the fit is stopped, not the cell).
 */
final class StopOnInterrupt implements TrainingListener {
    private final Interrupts interrupts;
    private Interrupts.Watch watch;

    StopOnInterrupt(Interrupts interrupts) {
        this.interrupts = interrupts;
    }

    @Override
    public void onTrainBegin(Training training) {
        watch = interrupts.watch();
    }

    @Override
    public void onBatchEnd(Training training, BatchEvent e) {
        if (watch.requested()) {
            training.stopAfter(e, "■");
        }
    }

    @Override
    public void onTrainEnd(Training training) {
        if (watch != null) {
            watch.close();
        }
    }
}
