package io.tinymlaas.kernel.training;

import io.tinymlaas.kernel.display.Notebook;
import io.tinymlaas.nn.Training;
import io.tinymlaas.nn.TrainingListener;

import org.knowm.xchart.BitmapEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chart a notebook shows while {@code fit} runs: loss and accuracy against epochs, one display
 * updated in place at most twice a second. It is drawn on a thread of its own, so that drawing
 * (the first PNG takes a while) never holds up training or its response to ■; the last frame is
 * out before fit returns. A fit stopped early says why, once: in the chart's title and on stderr.
 */
public final class LiveTrainingChart implements TrainingListener {
    private static final long REDRAW_NANOS = 500_000_000L;
    private static final long LAST_FRAME_SECONDS = 30;

    private final String displayId = "fit-" + UUID.randomUUID();
    private final AtomicReference<Frame> next = new AtomicReference<>();
    private final ExecutorService painter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fit-chart");
        t.setDaemon(true);
        return t;
    });
    private TrainingCurves curves;
    private String title = "training";
    /** Batches came since the last frame was handed to the painter. */
    private boolean behind;
    private boolean shown;
    private long lastDraw;

    private record Frame(TrainingCurves curves, String title) {
    }

    /**
     * Draws a throwaway chart: the first PNG of a JVM loads fonts and Java2D, which takes a second
     * or two; done while the kernel starts, the first fit's chart (and ■ during it) is quick.
     */
    public static void warmUp() {
        TrainingCurves curves = new TrainingCurves(1);
        curves.batch(1, 1, 2, 1, 0.5);
        try {
            BitmapEncoder.getBitmapBytes(curves.chart("warm-up"), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onTrainBegin(Training training) {
        curves = new TrainingCurves(training.epochs());
    }

    @Override
    public void onBatchEnd(Training training, BatchEvent e) {
        curves.batch(e.epoch(), e.batch(), e.batches(), e.loss(), e.accuracy());
        behind = true;
        if (System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw(String.format("epoch %d/%d, batch %d/%d: loss %s%s, %,.0f samples/s", e.epoch(), e.epochs(),
                    e.batch(), e.batches(), figure(e.loss()), accuracy(", acc", e.accuracy()), e.samplesPerSecond()));
        }
    }

    @Override
    public void onEpochEnd(Training training, EpochEvent e) {
        curves.validation(e.epoch(), e.validationLoss(), e.validationAccuracy());
        draw(String.format("epoch %d/%d: loss %s%s%s, %.1f s", e.epoch(), e.epochs(), figure(e.loss()),
                accuracy(", acc", e.accuracy()), accuracy(", val acc", e.validationAccuracy()), e.seconds()));
    }

    @Override
    public void onTrainEnd(Training training) {
        training.stopReason().ifPresent(reason -> {
            System.err.println(reason);
            int where = reason.indexOf(':');
            title = where > 0 ? reason.substring(0, where) : reason;
            behind = true;
        });
        if (behind) {
            draw(title);
        }
        painter.shutdown();
        try {
            painter.awaitTermination(LAST_FRAME_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean showsProgress() {
        return true;
    }

    private static String figure(double value) {
        return String.format("%.3f", value);
    }

    /** Regression has no accuracy (NaN): then nothing is said of it. */
    private static String accuracy(String label, double value) {
        return Double.isNaN(value) ? "" : String.format("%s %.3f", label, value);
    }

    /** Hands the painter the newest frame; frames it had no time for are skipped. */
    private void draw(String newTitle) {
        lastDraw = System.nanoTime();
        title = newTitle;
        behind = false;
        if (curves == null || curves.isEmpty()) {
            return;
        }
        if (next.getAndSet(new Frame(curves.snapshot(), newTitle)) == null) {
            painter.execute(this::paint);
        }
    }

    private void paint() {
        Frame frame = next.getAndSet(null);
        if (frame == null) {
            return;
        }
        var chart = frame.curves().chart(frame.title());
        if (shown) {
            Notebook.updateDisplay(displayId, chart);
        } else {
            Notebook.display(chart, displayId);
            shown = true;
        }
    }
}
