package io.tinymlaas.magics;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import io.tinymlaas.device.SerialPorts;
import io.tinymlaas.live.DeployedModel;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployMagicTest {
    private final FakeContext context = new FakeContext();
    private final DeployMagic magic = new DeployMagic();

    private static Dataset blobs() {
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[200 * 4];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            y[i] = i % 2;
            for (int k = 0; k < 4; k++) {
                x[i * 4 + k] = (float) (y[i] * 2 - 1 + random.nextGaussian() * 0.3);
            }
        }
        return Dataset.of(Shape.of(4), x, y).split(0.2, 1);
    }

    @Test
    void namedBoardFirstThenAnAttachedBridgeOfTheTargetThenQemuThenHost() {
        List<SerialPorts.Attached> cp2102 = List.of(new SerialPorts.Attached("/dev/ttyUSB0", "CP2102 USB to UART", 0x10c4, 0xea60));
        List<SerialPorts.Attached> other = List.of(new SerialPorts.Attached("/dev/ttyS0", "16550 UART", -1, -1));
        assertEquals("host", BoardChoice.choose("host", "esp32", cp2102, true).board());
        BoardChoice serial = BoardChoice.choose(null, "esp32", cp2102, true);
        assertEquals("/dev/ttyUSB0", serial.board());
        assertTrue(serial.why().contains("10c4:ea60"), serial.why());
        assertEquals("qemu-m4", BoardChoice.choose(null, "esp32", other, true).board());
        assertEquals("qemu-m4", BoardChoice.choose(null, "rp2040", cp2102, true).board(), "a Pico has no CP210x");
        BoardChoice host = BoardChoice.choose(null, "esp32", other, false);
        assertEquals("host", host.board());
        assertTrue(host.why().contains("QEMU is missing"), host.why());
    }

    @Test
    void refusesBeforeAnyModelAndWhatIsNotAQuantizedModel() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> magic.run("", context));
        assertTrue(none.getMessage().contains("no quantized model yet"), none.getMessage());
        Model model = Model.sequential(Shape.of(4)).dense(2).softmax();
        context.with("model", model).with("data", blobs());
        IllegalArgumentException notInt8 = assertThrows(IllegalArgumentException.class, () -> magic.run("model", context));
        assertTrue(notInt8.getMessage().contains("quantize it first"), notInt8.getMessage());
        IllegalArgumentException dataset = assertThrows(IllegalArgumentException.class, () -> magic.run("data to host", context));
        assertTrue(dataset.getMessage().startsWith("data is a Dataset"), dataset.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> magic.run("qq", context));
        assertTrue(missing.getMessage().contains("no variable 'qq'"), missing.getMessage());
        IllegalArgumentException garbled = assertThrows(IllegalArgumentException.class, () -> magic.run("q to", context));
        assertTrue(garbled.getMessage().contains("%deploy q to qemu-m4"), garbled.getMessage());
    }

    @Test
    void deploysToTheHostBoardAndLeavesItInTheVariableBoard() {
        Dataset data = blobs();
        Model model = Model.sequential(Shape.of(4)).dense(8).relu().dense(2).softmax();
        model.fit(data.train(), io.tinymlaas.nn.Fit.epochs(2).batch(16).sgd(0.1).seed(1).progress(false));
        QuantizedModel q = model.quantize(data.train().take(50));
        context.with("data", data).with("q", q);
        assertEquals(List.of("q", "to"), magic.complete("", context));
        try {
            DeployedModel deployed = (DeployedModel) magic.run("to host", context);
            assertEquals("host", deployed.boardName());
            assertEquals(deployed, context.variable("board").orElseThrow());
            assertEquals(20, deployed.checkedOutputs());
            assertEquals(20, deployed.identicalOutputs(), "the board gives the notebook's bytes");
            assertTrue(deployed.toHtml().contains("checked by the board"));
            assertEquals("host", context.state().device().orElseThrow().name());
            assertEquals(q.predict(data.test().input(0)).label(), deployed.predict(data.test().input(0)).label());
        } finally {
            context.state().closeDevice();
        }
    }

    @Test
    void completesModelsThenToThenBoards() {
        context.with("q", null).with("n", 3);
        assertEquals(List.of("to"), magic.complete("", context));
        assertTrue(magic.complete("q to ", context).containsAll(List.of("host", "qemu-m4")));
        assertEquals(List.of("qemu-m4"), magic.complete("to q", context));
    }
}
