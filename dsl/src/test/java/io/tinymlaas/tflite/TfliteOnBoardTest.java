package io.tinymlaas.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.tinymlaas.device.Device;
import io.tinymlaas.quant.DenseWeights;
import io.tinymlaas.quant.QuantizedModel;

import org.junit.jupiter.api.Test;

/**
 * The C runtime on the host board gives the Java reference's bytes for dense weights quantized per
 * tensor (one multiplier, TFLM's per-tensor FULLY_CONNECTED) and for a model read back from a .tflite.
 */
class TfliteOnBoardTest {
    private static final int IMAGES = 300;

    @Test
    void perTensorDenseWeightsRunOnTheBoard() {
        onBoard(TfliteModels.mlp(DenseWeights.PER_TENSOR));
    }

    @Test
    void anImportedModelRunsOnTheBoard() {
        QuantizedModel q = TfliteModels.tutorialCnn(DenseWeights.PER_TENSOR);
        onBoard(QuantizedModel.loadTflite(TfliteWriter.toBytes(q.graph())));
    }

    private static void onBoard(QuantizedModel q) {
        try (Device board = Device.open("host")) {
            board.deploy(q);
            int i = 0;
            for (byte[] x : TfliteModels.images(q, IMAGES)) {
                assertArrayEquals(q.predictRaw(x), board.predictRaw(x).output(), "test image " + i++);
            }
        }
    }
}
