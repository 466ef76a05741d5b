package io.tinymlaas.nn;

import java.io.PrintStream;

/**
 * A one-line text progress bar (batch, samples/s, ETA), redrawn at most 10 times a second; a line
 * per epoch, and why the fit stopped when it stopped early.
 */
final class ProgressBar implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 24;
    private final PrintStream out;
    private long lastDraw;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onBatchEnd(Training training, BatchEvent e) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && e.batch() != e.batches()) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * e.batch() / e.batches());
        out.printf("\repoch %d/%d [%s%s] %d/%d  loss %.4f%s  %,.0f samples/s  ETA %s   ",
                e.epoch(), e.epochs(), "=".repeat(filled), " ".repeat(WIDTH - filled), e.batch(), e.batches(),
                e.loss(), figure("  acc", e.accuracy()), e.samplesPerSecond(), eta(e.etaSeconds()));
        out.flush();
    }

    @Override
    public void onEpochEnd(Training training, EpochEvent e) {
        out.printf("\repoch %d/%d  loss %.4f%s%s%s  %.2f s%s%n", e.epoch(), e.epochs(), e.loss(),
                figure("  acc", e.accuracy()), figure("  val_loss", e.validationLoss()),
                figure("  val_acc", e.validationAccuracy()), e.seconds(), " ".repeat(40));
        out.flush();
    }

    @Override
    public void onTrainEnd(Training training) {
        training.stopReason().ifPresent(reason -> {
            out.printf("%n%s%n", reason);
            out.flush();
        });
    }

    @Override
    public boolean showsProgress() {
        return true;
    }

    /** A metric the fit has (not NaN: regression has no accuracy, a fit without validation no val_*). */
    private static String figure(String label, double value) {
        return Double.isNaN(value) ? "" : String.format("%s %.4f", label, value);
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }
}
