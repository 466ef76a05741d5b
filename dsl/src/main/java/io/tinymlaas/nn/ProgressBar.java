package io.tinymlaas.nn;

import java.io.PrintStream;

/** A one-line text progress bar (batch, samples/s, ETA), redrawn at most 10 times a second. */
final class ProgressBar implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 24;
    private final PrintStream out;
    private long lastDraw;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onBatch(BatchEvent e) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && e.batch() != e.batches()) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * e.batch() / e.batches());
        out.printf("\repoch %d/%d [%s%s] %d/%d  loss %.4f  acc %.4f  %,.0f samples/s  ETA %s   ",
                e.epoch(), e.epochs(), "=".repeat(filled), " ".repeat(WIDTH - filled), e.batch(), e.batches(),
                e.loss(), e.accuracy(), e.samplesPerSecond(), eta(e.etaSeconds()));
        out.flush();
    }

    @Override
    public void onEpoch(EpochEvent e) {
        out.printf("\repoch %d/%d  loss %.4f  acc %.4f%s  %.2f s%s%n", e.epoch(), e.epochs(), e.loss(), e.accuracy(),
                Double.isNaN(e.validationLoss()) ? ""
                        : String.format("  val_loss %.4f  val_acc %.4f", e.validationLoss(), e.validationAccuracy()),
                e.seconds(), " ".repeat(40));
        out.flush();
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }
}
