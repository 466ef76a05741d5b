package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;

import java.util.List;
import java.util.SplittableRandom;

/** Runs a dataset through the network on every worker and sums loss, hits and confusion counts. */
final class Evaluation {
    private static final int SLICE = 256;

    private Evaluation() {
    }

    /** With a pool and workspaces of its own. */
    static Metrics run(Network net, Dataset data, Loss loss, int threads) {
        int classes = data.isClassification() ? data.classes() : 0;
        int targetSize = data.isClassification() ? 0 : data.targetShape().size();
        try (WorkerPool pool = new WorkerPool(Math.max(1, Math.min(threads, (data.size() + SLICE - 1) / SLICE)))) {
            Workspace[] ws = new Workspace[pool.size()];
            SplittableRandom rng = new SplittableRandom(0);
            for (int t = 0; t < ws.length; t++) {
                ws[t] = net.workspace(SLICE, targetSize, classes, rng.split());
            }
            return run(net, data, loss, pool, ws);
        }
    }

    /** With the given pool and workspaces (one per member). */
    private static Metrics run(Network net, Dataset data, Loss loss, WorkerPool pool, Workspace[] ws) {
        int[] order = Trainer.identity(data.size());
        int slice = ws[0].capacity;
        int members = pool.size();
        for (Workspace w : ws) {
            w.loss = 0;
            w.correct = 0;
            java.util.Arrays.fill(w.confusion, 0);
        }
        for (int from = 0; from < data.size(); from += slice * members) {
            int start = from;
            pool.run(t -> {
                int lo = Math.min(data.size(), start + t * slice);
                int count = Math.min(slice, data.size() - lo);
                if (count <= 0) {
                    return;
                }
                Workspace w = ws[t];
                data.copyInputs(order, lo, count, w.input(), 0);
                if (data.isClassification()) {
                    data.copyLabels(order, lo, count, w.labels, 0);
                } else {
                    data.copyTargets(order, lo, count, w.targets, 0);
                }
                net.forward(w, count, false);
                loss.apply(w, count, net.endsWithSoftmax, null, 1, data.isClassification());
            });
        }
        double lossSum = 0;
        int correct = 0;
        int classes = ws[0].classes;
        int[][] confusion = data.isClassification() ? new int[classes][classes] : null;
        for (Workspace w : ws) {
            lossSum += w.loss;
            correct += w.correct;
            if (confusion != null) {
                for (int k = 0; k < w.confusion.length; k++) {
                    confusion[k / classes][k % classes] += w.confusion[k];
                }
            }
        }
        return new Metrics(data.size(), lossSum / data.size(), correct, confusion,
                data.isClassification() ? data.classNames() : List.of());
    }
}
