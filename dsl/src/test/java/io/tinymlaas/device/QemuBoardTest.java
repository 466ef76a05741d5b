package io.tinymlaas.device;

import io.tinymlaas.codegen.RandomGraphs;
import io.tinymlaas.quant.Int8Graph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulated Cortex-M4 (QEMU mps2-an386), one for the whole class. */
class QemuBoardTest {
    private static Device device;

    @BeforeAll
    static void start() {
        device = Device.open("qemu-m4");
    }

    @AfterAll
    static void stop() {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void saysWhatItIs() {
        DeviceInfo info = device.info();
        assertEquals("qemu-m4", info.board());
        assertEquals(25_000_000, info.clockHz());
        assertEquals(DeviceTime.Unit.INSTRUCTIONS, info.timeUnit());
        assertTrue(info.freeRam() > 0 && info.freeFlash() > 0, info.toString());
        ElfSize elf = device.firmwareSize().orElseThrow();
        assertTrue(elf.flashBytes() > 1000 && elf.ramBytes() > 1000, elf.toString());
    }

    @Test
    void answersTheJavaReferenceBytesForRandomGraphs() {
        assertEquals(160, Differential.assertBoardMatchesJava(device, 202, 40, 4));
    }

    @Test
    void countsTheSameInstructionsForTheSameInference() {
        Int8Graph graph = RandomGraphs.chain(new Random(31));
        device.deploy(graph);
        byte[] input = RandomGraphs.input(graph, new Random(32));
        DeviceTime first = device.predictRaw(input).time();
        DeviceTime second = device.predictRaw(input).time();
        assertEquals(DeviceTime.Unit.INSTRUCTIONS, first.unit());
        assertTrue(first.amount() > 0, first.toString());
        assertEquals(first, second);
    }

    @Test
    void keepsServingAfterGarbage() {
        DeviceStats before = device.stats();
        device.sendRaw(new byte[] {0x13, 0x37, 0x42, 0x00});
        assertEquals("qemu-m4", device.info().board());
        assertTrue(device.stats().framingErrors() > before.framingErrors());
    }
}
