package io.tinymlaas.live;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.device.DevicePrediction;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/** One run of {@link DeployedModel#live}: inputs through the board one by one, the display redrawn a few times a second. */
final class LiveStream {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final DeployedModel board;
    private final Dataset data;
    private final int[] histogram = new int[LiveSummary.BUCKET_MS.length + 1];
    private int done;
    private int correct;
    private int agreeing;
    private Tensor image;
    private int label = -1;
    private int truth = -1;

    LiveStream(DeployedModel board, Dataset data) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("live needs inputs: give it a dataset, e.g. board.live(data.test().take(500))");
        }
        if (!data.isClassification()) {
            throw new IllegalArgumentException(data.name() + " has no class labels: live compares the board's label with the truth");
        }
        this.board = board;
        this.data = data;
    }

    LiveSummary run() {
        LiveDisplay display = LiveDisplays.create();
        AtomicBoolean stop = LiveStop.begin();
        long start = System.nanoTime();
        long lastDraw = 0;
        String ending = null;
        try {
            for (int i = 0; i < data.size(); i++) {
                if (stop.get()) {
                    ending = "interrupted (■); the board is ready for the next cell";
                    break;
                }
                try {
                    step(data.input(i), data.label(i));
                } catch (RuntimeException e) {
                    ending = "the board stopped answering: " + e.getMessage() + " (run %deploy again)";
                    break;
                }
                if (System.nanoTime() - lastDraw > REDRAW_NANOS) {
                    lastDraw = System.nanoTime();
                    display.show(summary(start, null));
                }
            }
        } finally {
            LiveStop.end(stop);
        }
        LiveSummary summary = summary(start, ending);
        display.show(summary);
        return summary;
    }

    private void step(Tensor x, int expected) {
        long sent = System.nanoTime();
        DevicePrediction p = board.predict(x);
        double millis = (System.nanoTime() - sent) / 1e6;
        byte[] notebook = board.model().predictRaw(board.model().quantizeInput(x));
        done++;
        correct += p.label() == expected ? 1 : 0;
        agreeing += Arrays.equals(p.raw(), notebook) ? 1 : 0;
        histogram[LiveSummary.bucket(millis)]++;
        image = x;
        label = p.label();
        truth = expected;
    }

    private LiveSummary summary(long start, String ending) {
        return new LiveSummary(board.boardName(), data.size(), done, correct, agreeing, image, label, truth,
                data.classNames(), histogram.clone(), (System.nanoTime() - start) / 1e9, ending);
    }
}
