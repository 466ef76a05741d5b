package io.tinymlaas.device;

import io.tinymlaas.codegen.RandomGraphs;
import io.tinymlaas.data.Shape;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.Int8Interpreter;
import io.tinymlaas.quant.QuantParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulated Cortex-M4 (QEMU mps2-an386), one for the whole class. */
class QemuBoardTest extends EmulatedBoardTest {

    QemuBoardTest() {
        super("qemu-m4", DeviceTime.Unit.INSTRUCTIONS, 202, 40);   // fewer graphs than the host board: QEMU is slower
    }

    @Override
    void assertOwnInfo(DeviceInfo info) {
        assertEquals(25_000_000, info.clockHz());
        assertTrue(info.freeRam() > 0 && info.freeFlash() > 0, info.toString());
        ElfSize elf = device.firmwareSize().orElseThrow();
        assertTrue(elf.flashBytes() > 1000 && elf.ramBytes() > 1000, elf.toString());
    }

    @Test
    void countsTheSameInstructionsForTheSameInference() {
        Graph graph = RandomGraphs.chain(new Random(31));
        device.deploy(graph);
        byte[] input = RandomGraphs.input(graph, new Random(32));
        DeviceTime first = device.predictRaw(input).time();
        DeviceTime second = device.predictRaw(input).time();
        assertEquals(DeviceTime.Unit.INSTRUCTIONS, first.unit());
        assertTrue(first.amount() > 0, first.toString());
        assertEquals(first, second);
    }

    @Test
    void saysWhyAModelDoesNotFitAndKeepsTheModelItRuns() {
        Graph running = RandomGraphs.chain(new Random(41));
        device.deploy(running);
        DeviceException blob = assertThrows(DeviceException.class, () -> device.deploy(dense(1000, 600)));
        assertTrue(blob.getMessage().matches("the model blob is \\d+ bytes, qemu-m4 accepts at most 524288: .*"),
                blob.getMessage());
        DeviceException arena = assertThrows(DeviceException.class, () -> device.deploy(dense(300_000, 1)));
        assertTrue(arena.getMessage().startsWith("the model needs an arena of 300016 bytes for its activations, qemu-m4 has 262144"),
                arena.getMessage());
        assertEquals(Commands.HELLO | Commands.ANSWER, device.request(Commands.HELLO, new byte[0]).code());
        TensorSpec in = running.tensors().get(running.input());
        byte[] zeros = new byte[in.bytes()];
        java.util.Arrays.fill(zeros, new QuantParams(in.scale(), in.zeroPoint()).quantize(0f));
        byte[] expected = Int8Interpreter.run(running, zeros);
        assertArrayEquals(expected, device.predict(Tensor.of(in.shape(), new float[in.bytes()])).raw(),
                "the Device still knows the model the board runs");
    }

    private static Graph dense(int in, int out) {
        int[] m = new int[out];
        int[] s = new int[out];
        java.util.Arrays.fill(m, 1 << 30);
        return new Graph(List.of(new TensorSpec("x", Shape.of(in), 0.1f, 0), new TensorSpec("y", Shape.of(out), 0.1f, 0)),
                List.of(new Op(OpKind.FULLY_CONNECTED, "dense", 0, 1, Window.NONE, new byte[in * out], new int[0], m, s,
                        -128, 127, 0)), 0, 1);
    }
}
