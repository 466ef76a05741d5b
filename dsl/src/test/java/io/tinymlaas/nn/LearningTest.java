package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.data.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningTest {
    private static Dataset xor() {
        float[] x = {0, 0, 0, 1, 1, 0, 1, 1};
        int[] y = {0, 1, 1, 0};
        float[] many = new float[64 * 2];
        int[] labels = new int[64];
        for (int i = 0; i < 64; i++) {
            System.arraycopy(x, (i % 4) * 2, many, i * 2, 2);
            labels[i] = y[i % 4];
        }
        return Dataset.of(Shape.of(2), many, labels);
    }

    @Test
    void learnsXor() {
        Model m = Model.sequential(Shape.of(2)).dense(8).relu().dense(2).softmax();
        m.fit(xor(), Fit.epochs(200).batch(8).adam(0.02).seed(1).progress(false));
        assertEquals(1.0, m.evaluate(xor()).accuracy());
        assertEquals(1, m.predict(Tensor.of(Shape.of(2), 1, 0)).label());
        assertEquals(0, m.predict(Tensor.of(Shape.of(2), 1, 1)).label());
    }

    @Test
    void learnsSine() {
        Dataset data = Datasets.sine(2000, 5);
        Model m = Model.sequential(Shape.of(1)).dense(16).relu().dense(16).relu().dense(1);
        History h = m.fit(data.train(), Fit.epochs(60).batch(16).adam(0.01).seed(2).progress(false));
        double mse = m.evaluate(data.test()).loss();
        assertTrue(mse < 0.03, "test MSE " + mse + " (noise alone gives 0.01, predicting 0 gives 0.5)");
        assertTrue(h.loss(h.epochs()) < h.loss(1));
        assertEquals(Math.sin(1.5), m.predict(Tensor.of(Shape.of(1), 1.5f)).scores()[0], 0.2);
    }

    @Test
    void sameSeedAndThreadsGiveTheSameWeights() {
        float[][] runs = new float[3][];
        for (int r = 0; r < 3; r++) {
            Model m = Model.sequential(Shape.of(2)).dense(8).relu().dropout(0.2).dense(2);
            m.fit(xor(), Fit.epochs(3).batch(32).sgd(0.1, 0.9).seed(r < 2 ? 4 : 5).threads(2).progress(false));
            runs[r] = ((Dense) m.layers().get(0)).weights();
        }
        assertArrayEquals(runs[0], runs[1]);
        assertNotEquals(runs[0][0], runs[2][0]);
    }

    @Test
    void oneOrTwoThreadsGiveTheSameWeights() {
        float[][] runs = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Model m = Model.sequential(Shape.of(2)).dense(8).relu().dropout(0.1).dense(2);
            m.fit(xor(), Fit.epochs(5).batch(32).adam(0.01).seed(8).threads(threads).progress(false));
            runs[threads - 1] = ((Dense) m.layers().get(3)).weights();
        }
        assertArrayEquals(runs[0], runs[1], "a batch is cut into the same chunks for 1 or 2 threads");
    }

    @Test
    void oneOrTwoChunksComputeTheSameGradients() {
        Dataset data = xor();
        float[][] grads = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Model m = Model.sequential(Shape.of(2)).dense(8).relu().dense(2).softmax().seed(9);
            Network net = m.network();
            int slice = 8 / threads;
            float[] sum = new float[net.params.length];
            for (int t = 0; t < threads; t++) {
                Workspace w = net.workspace(slice, 0, 2, new java.util.SplittableRandom(1));
                data.copyInputs(Trainer.identity(8), t * slice, slice, w.input(), 0);
                data.copyLabels(Trainer.identity(8), t * slice, slice, w.labels, 0);
                net.forward(w, slice, true);
                Loss.CROSS_ENTROPY.apply(w, slice, true, net.lossGradient(w, Loss.CROSS_ENTROPY), 8, false);
                net.backward(w, slice, Loss.CROSS_ENTROPY);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += w.paramGrad[i];
                }
            }
            grads[threads - 1] = sum;
        }
        assertArrayEquals(grads[0], grads[1], 1e-6f);
    }

    @Test
    void listenersHearEveryHookInOrderWithTheModel() {
        List<String> heard = new ArrayList<>();
        Model m = Model.sequential(Shape.of(2)).dense(4).relu().dense(2);
        History h = m.fit(xor(), Fit.epochs(2).batch(10).sgd(0.1).validation(0.25).progress(false)
                .listener(new TrainingListener() {
                    @Override
                    public void onTrainBegin(Training t) {
                        assertSame(m, t.model());
                        heard.add("train " + t.epochs() + "x" + t.batchesPerEpoch());
                    }

                    @Override
                    public void onEpochBegin(Training t, int epoch) {
                        heard.add("epoch " + epoch);
                    }

                    @Override
                    public void onBatchBegin(Training t, int epoch, int batch) {
                        heard.add("b" + batch);
                    }

                    @Override
                    public void onBatchEnd(Training t, BatchEvent e) {
                        heard.add("/b" + e.batch());
                    }

                    @Override
                    public void onEpochEnd(Training t, EpochEvent e) {
                        assertTrue(Double.isFinite(e.validationAccuracy()));
                        heard.add("/epoch " + e.epoch());
                    }

                    @Override
                    public void onTrainEnd(Training t) {
                        heard.add("/train");
                    }
                }));
        String batches = "b1 /b1 b2 /b2 b3 /b3 b4 /b4 b5 /b5"; // 48 training samples in batches of 10
        assertEquals("train 2x5 epoch 1 " + batches + " /epoch 1 epoch 2 " + batches + " /epoch 2 /train",
                String.join(" ", heard));
        assertEquals(2, h.table().rowCount());
        assertTrue(h.toHtml().contains("val_accuracy"));
        assertTrue(h.toPng().length > 1000);
    }

    /** Fits {@code m} to xor for up to 50 epochs, calling {@code onBatchEnd} after every batch. */
    private static History fitXor(Model m, BiConsumer<Training, TrainingListener.BatchEvent> onBatchEnd) {
        return m.fit(xor(), Fit.epochs(50).batch(4).sgd(0.1).progress(false).listener(new TrainingListener() {
            @Override
            public void onBatchEnd(Training t, BatchEvent e) {
                onBatchEnd.accept(t, e);
            }
        }));
    }

    @Test
    void aListenerStopsTheFitWhichKeepsItsWeightsAndHasNoHalfEpochRow() {
        Model m = Model.sequential(Shape.of(2)).dense(4).relu().dense(2);
        History h = fitXor(m, (t, e) -> {
            if (e.epoch() == 2 && e.batch() == 3) {
                t.stop("enough at epoch 2, batch 3");
            }
        });
        assertTrue(h.stopped());
        assertEquals("enough at epoch 2, batch 3", h.stopReason().orElseThrow());
        assertEquals(1, h.epochs(), "epoch 2 did not end: it is not a row");
        assertEquals(List.of("epoch", "loss", "accuracy", "seconds"), h.table().columnNames(),
                "no validation data: no val_ columns full of NaN");
        assertFalse(h.toString().contains("NaN"), h.toString());
        assertTrue(m.predict(Tensor.of(Shape.of(2), 0, 1)).scores().length == 2);
    }

    @Test
    void interruptingTheThreadStopsTheFitAndSaysWhere() {
        Model m = Model.sequential(Shape.of(2)).dense(4).relu().dense(2);
        History h = fitXor(m, (t, e) -> {
            if (e.epoch() == 3 && e.batch() == 5) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(Thread.interrupted(), "the thread stays interrupted for whoever called fit");
        assertEquals("fit stopped (the thread was interrupted) in epoch 3 after batch 5 of 16: the model keeps"
                + " the weights of the last finished batch", h.stopReason().orElseThrow());
        assertEquals(2, h.epochs());
    }

    @Test
    void aDivergingFitStopsAndNamesTheLearningRate() {
        Model m = Model.sequential(Shape.of(1)).dense(8).dense(1);
        Dataset data = Datasets.sine(200, 1).train();
        var e = assertThrows(ArithmeticException.class, () -> m.fit(data, Fit.epochs(50).batch(8).sgd(1e6).progress(false)));
        assertTrue(e.getMessage().contains("learning rate 1000000.0"), e.getMessage());
    }

    @Test
    void metricsCountEveryClass() {
        Model m = Model.sequential(Shape.of(2)).dense(8).relu().dense(2).softmax();
        m.fit(xor(), Fit.epochs(200).batch(8).adam(0.02).seed(1).progress(false));
        Metrics metrics = m.evaluate(xor());
        assertEquals(32, metrics.count(0, 0));
        assertEquals(1.0, metrics.precision(1));
        assertEquals(1.0, metrics.recall(0));
        assertEquals(32, metrics.confusionMatrix().intColumn(1).get(0));
        assertEquals(2, metrics.perClass().rowCount());
        assertTrue(metrics.toHtml().contains("accuracy 100.00%"), metrics.toHtml());
    }
}
