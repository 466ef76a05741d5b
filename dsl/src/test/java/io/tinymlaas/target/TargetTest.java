package io.tinymlaas.target;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    @Test
    void catalogHoldsTheBoardsOfTheDatasheets() {
        Target esp32 = Target.of("esp32");
        assertEquals(Core.XTENSA_LX6, esp32.core());
        assertEquals(240, esp32.clockMHz());
        assertEquals(520 * 1024, esp32.ramBytes());
        assertEquals(160 * 1024, esp32.usableRamBytes());
        assertEquals(4L * 1024 * 1024, esp32.flashBytes());
        assertTrue(esp32.ramAssumption().contains("dram0_0_seg"));
        Target uno = Target.of("arduino-uno");
        assertEquals(2048, uno.ramBytes());
        assertEquals(32256, uno.usableFlashBytes());
        Target nrf = Target.of("nrf52840");
        assertEquals(Core.CORTEX_M4F, nrf.core());
        assertEquals(64, nrf.clockMHz());
        assertEquals(1024 * 1024, nrf.flashBytes());
        assertEquals(4L * 1024 * 1024, Target.of("qemu-m4").ramBytes());
        assertEquals(Core.CORTEX_M0PLUS, Target.of("rp2040").core());
        assertEquals(216, Target.of("stm32f746").clockMHz());
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals("esp32-s3", Target.of(" ESP32-S3 ").name());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Target.of("esp33"));
        assertTrue(e.getMessage().contains("unknown target 'esp33'"), e.getMessage());
        for (String name : Target.names()) {
            assertTrue(e.getMessage().contains(name), name + " missing from: " + e.getMessage());
        }
    }

    @Test
    void listIsATableOfTheCatalog() {
        Table list = Target.list();
        assertEquals(Target.names().size(), list.rowCount());
        assertEquals(8, list.rowCount());
        assertEquals("esp32", list.stringColumn("name").get(0));
        assertEquals(520.0, list.doubleColumn("RAM KB").get(0));
    }

    @Test
    void builderDescribesACustomBoard() {
        Target t = Target.builder("my-m4").core(Core.CORTEX_M4F).clockMHz(80).ramKB(128).flashKB(512)
                .usableRamKB(100, "RTOS takes 28 KB").build();
        assertEquals(100 * 1024, t.usableRamBytes());
        assertEquals(512 * 1024, t.usableFlashBytes());
        assertEquals(Core.CORTEX_M4F.stackBytes(), t.stackBytes());
        assertTrue(t.toHtml().contains("RTOS takes 28 KB"));
    }

    @Test
    void builderNamesWhatIsMissing() {
        var noCore = assertThrows(IllegalArgumentException.class,
                () -> Target.builder("b").clockMHz(10).ramKB(1).flashKB(1).build());
        assertTrue(noCore.getMessage().contains(".core("), noCore.getMessage());
        var tooMuch = assertThrows(IllegalArgumentException.class, () -> Target.builder("b")
                .core(Core.AVR).clockMHz(16).ramKB(2).flashKB(32).usableRamKB(4, "").build());
        assertTrue(tooMuch.getMessage().contains("exceeds"), tooMuch.getMessage());
    }

    @Test
    void runtimeCodeTableScalesPortableKernelsByCodeDensityAndHasTheDspKernelsOfCortexM4() {
        var arm = new RuntimeCodeTable(Core.CORTEX_M4F);
        var avr = new RuntimeCodeTable(Core.AVR);
        var conv = io.tinymlaas.ops.OpKind.CONV_2D;
        assertEquals(2 * conv.thumb2Bytes(), avr.kernelBytes(conv));
        assertEquals(2 * 8348, avr.coreBytes());
        assertEquals(2156, arm.kernelBytes(conv));              // tm_conv2d_dsp and its two ways
        var reshape = io.tinymlaas.ops.OpKind.RESHAPE;
        assertEquals(reshape.thumb2Bytes(), arm.kernelBytes(reshape));    // one kernel for both sets
        assertEquals(8920, arm.coreBytes());
        assertTrue(arm.source().contains("DSP kernels"), arm.source());
        assertTrue(avr.source().contains("portable kernels"), avr.source());
    }

    @Test
    void bytesReadLikeDatasheets() {
        assertEquals("912 B", Bytes.format(912));
        assertEquals("98.0 KB", Bytes.format(100352));
        assertEquals("4.00 MB", Bytes.format(4L * 1024 * 1024));
        assertEquals("1.00 GB", Bytes.format(1024L * 1024 * 1024));
        assertEquals("-308 B", Bytes.format(-308));
    }
}
