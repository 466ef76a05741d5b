package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two models of the benchmark reach their accuracy bars in 2 epochs (Debian's dataset-fashion-mnist). */
class FashionMnistTest {
    private static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        data = Datasets.fashionMnist();
    }

    @Test
    void mlpReaches84Percent() {
        Model m = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(128).relu().dense(10).softmax();
        History h = m.fit(data.train(), Fit.epochs(2).batch(64).adam(0.001).seed(42).threads(2).progress(false));
        double accuracy = m.evaluate(data.test()).accuracy();
        assertTrue(accuracy >= 0.84, "MLP test accuracy " + accuracy + ", epochs took " + h.seconds(1) + " and " + h.seconds(2) + " s");
    }

    @Test
    void cnnReaches85PercentAndSurvivesSaveAndLoad() {
        Model m = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
        m.fit(data.train(), Fit.epochs(2).batch(64).adam(0.002).seed(42).threads(2).progress(false));
        Metrics metrics = m.evaluate(data.test());
        assertTrue(metrics.accuracy() >= 0.85, "CNN test accuracy " + metrics.accuracy());
        Path file = dir.resolve("cnn.tmm");
        m.save(file);
        Model loaded = Model.load(file);
        for (int i = 0; i < 50; i++) {
            assertEquals(m.predict(data.test().input(i)), loaded.predict(data.test().input(i)));
        }
        assertEquals(metrics.accuracy(), loaded.evaluate(data.test()).accuracy());
    }
}
