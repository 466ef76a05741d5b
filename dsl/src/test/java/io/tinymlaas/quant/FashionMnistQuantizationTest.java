package io.tinymlaas.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test: on Fashion-MNIST with 500 calibration images, the int8 MLP and
 * CNN lose at most 0.5 accuracy points against float. The models train briefly (one epoch):
 * accuracy is not the point, the float-to-int8 loss is.
 */
class FashionMnistQuantizationTest {
    private static final double MAX_LOSS_POINTS = 0.5;
    private static Dataset train;
    private static Dataset test;
    private static Dataset calibration;

    @BeforeAll
    static void load() {
        Dataset data = Datasets.fashionMnist();
        train = data.train();
        calibration = data.train().shuffle(2).take(500);
        test = data.test();
    }

    @Test
    void mlpLosesAtMostHalfAPoint() {
        Model mlp = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(128).relu().dense(10).softmax();
        check("MLP 784-128-10", mlp, Fit.epochs(1).batch(32).adam(0.001).seed(42).progress(false));
    }

    @Test
    void cnnLosesAtMostHalfAPoint() {
        Model cnn = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
        check("CNN conv8@3x3-relu-maxpool2-dense10", cnn, Fit.epochs(1).batch(32).sgd(0.05, 0.9).seed(42).progress(false));
    }

    private static void check(String name, Model model, Fit fit) {
        long t0 = System.nanoTime();
        model.fit(train, fit);
        long t1 = System.nanoTime();
        QuantizedModel q = model.quantize(calibration);
        Comparison c = q.compare(model, test);
        long t2 = System.nanoTime();
        System.out.printf("%s: %s (fit %.1f s, quantize+compare %.1f s)%n", name, c, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.out.println(c.table().printAll());
        double lossPoints = 100 * (c.floatAccuracy() - c.int8Accuracy());
        assertTrue(c.floatAccuracy() > 0.75, name + " trained to " + c.floatAccuracy());
        assertTrue(lossPoints <= MAX_LOSS_POINTS, name + " lost " + lossPoints + " points: " + c);
        assertTrue(c.agreement() > 0.97, name + " agreement " + c.agreement());
    }
}
