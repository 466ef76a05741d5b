package io.tinymlaas.device;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.QuantizedModel;
import io.tinymlaas.quant.Quantizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's Fashion-MNIST CNN, trained briefly and quantized: the host board answers the Java
 * reference's bytes for the whole test set, the QEMU board for a few hundred images.
 */
class FashionMnistOnBoardsTest {
    private static QuantizedModel q;
    private static Dataset test;

    @BeforeAll
    static void trainAndQuantize() {
        Dataset data = Datasets.fashionMnist();
        Model cnn = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
        cnn.fit(data.train().shuffle(1).take(3000), Fit.epochs(1).batch(32).sgd(0.05, 0.9).seed(42).progress(false));
        q = cnn.quantize(data.train().shuffle(2).take(200));
        test = data.test();
    }

    @Test
    void hostAgreesOnTheWholeTestSet() {
        try (Device device = Device.open("host")) {
            device.deploy(q);
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                byte[] input = q.quantizeInput(test.input(i));
                byte[] board = device.predictRaw(input).output();
                assertArrayEquals(q.predictRaw(input), board, "test image " + i);
                correct += q.prediction(board).label() == test.label(i) ? 1 : 0;
            }
            assertEquals(10_000, test.size());
            assertTrue(correct > 6000, "the board's accuracy " + correct / 100.0 + "%");
        }
    }

    @Test
    void qemuAgreesOnAFewHundredImages() {
        try (Device device = Device.open("qemu-m4")) {
            device.deploy(q);
            for (int i = 0; i < 200; i++) {
                DevicePrediction p = device.predict(test.input(i));
                assertArrayEquals(q.predictRaw(q.quantizeInput(test.input(i))), p.raw(), "test image " + i);
                assertEquals(q.predict(test.input(i)).label(), p.label());
            }
        }
    }
}
