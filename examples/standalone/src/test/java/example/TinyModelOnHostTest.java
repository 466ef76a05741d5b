package example;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import io.tinymlaas.device.Device;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library from its jar alone: train, quantize, export C and run on the host board, far from any checkout. */
class TinyModelOnHostTest {

    @Test
    void aTinyModelRunsOnTheHostBoardFromTheJar() throws Exception {
        Shape shape = Shape.of(4);
        Random random = new Random(1);
        float[][] x = new float[64][4];
        int[] y = new int[64];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextFloat();
            }
            y[i] = x[i][0] > x[i][1] ? 1 : 0;
        }
        Dataset data = Dataset.of(shape, x, y);
        Model model = Model.sequential(shape).seed(2).dense(8).relu().dense(2).softmax();
        model.fit(data, Fit.epochs(3).batch(16).sgd(0.1).seed(3));
        QuantizedModel q = model.quantize(data);

        Path out = Files.createTempDirectory("tinyml-standalone");
        q.exportC(out);
        assertTrue(Files.isRegularFile(out.resolve("runtime/tm_interp.c")), "exportC copies the runtime from the jar");

        try (Device device = Device.open("host")) {
            device.deploy(q);
            for (int i = 0; i < 8; i++) {
                assertArrayEquals(q.predictRaw(q.quantizeInput(data.input(i))), device.predict(data.input(i)).raw());
            }
        }
    }
}
