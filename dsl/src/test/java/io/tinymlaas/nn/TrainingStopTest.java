package io.tinymlaas.nn;

import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingStopTest {

    @Test
    void aRequestStopsARunningFitAtABatchAndNothingElse() throws Exception {
        assertFalse(TrainingStop.request(), "no fit runs, so no one hears the request");
        var model = Model.sequential(Shape.of(1)).dense(16).relu().dense(1);
        var data = Datasets.sine(50_000, 5);
        var firstBatch = new CountDownLatch(1);
        var fit = Fit.epochs(1000).batch(32).sgd(0.01).seed(6).progress(false).listener(new TrainingListener() {
            @Override
            public void onBatch(BatchEvent event) {
                firstBatch.countDown();
            }
        });
        var training = CompletableFuture.supplyAsync(() -> model.fit(data, fit));
        assertTrue(firstBatch.await(30, TimeUnit.SECONDS), "training started");
        assertTrue(TrainingStop.request(), "the running fit hears the request");
        History history = training.get(10, TimeUnit.SECONDS);
        assertTrue(history.interrupted(), "the fit says it was interrupted");
        assertTrue(history.interruption().contains("keeps the weights of the last finished batch"), history.interruption());
        assertFalse(TrainingStop.running());
        // the model still trains afterwards: the request was for the fit that was running
        assertFalse(model.fit(data.take(320), Fit.epochs(1).batch(32).sgd(0.01).seed(7).progress(false)).interrupted());
    }
}
