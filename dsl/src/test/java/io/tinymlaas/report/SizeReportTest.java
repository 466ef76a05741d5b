package io.tinymlaas.report;

import io.tinymlaas.target.Target;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeReportTest {
    private static final Target ESP32 = Target.of("esp32");

    @Test
    void tutorialCnnOnEsp32AddsUpPartByPart() {
        SizeReport r = SizeReport.of(TestGraphs.cnn(), ESP32);
        var flash = r.flashBreakdown();
        assertEquals(72 + 13_520, flash.get("weights"));               // conv 8x3x3x1, dense 1352x10
        assertEquals((8 + 10) * 4, flash.get("biases"));               // int32
        assertEquals((8 + 10) * 8 + 8, flash.get("quantization params"));    // multipliers + shifts
        assertEquals(5 * 64 + 6 * 36 + 24, flash.get("graph description"));  // tm_op, tm_tensor, tm_model
        // every kernel is linked (the interpreter's op table holds them all); Thumb-2 sizes x 1.1 for Xtensa
        assertEquals(550 + 458 + 176 + 370 + 400 + 22 + 405 + 132, flash.get("kernels"));
        assertEquals(9183, flash.get("runtime core"));               // 8348 x 1.1
        assertEquals(160 * 1024, flash.get("platform"));
        assertEquals(189_912, r.flashBytes());

        assertEquals(6768, r.arenaBytes());
        var ram = r.ramBreakdown();
        // payload 784 (the input): packet 792, COBS-encoded 796, three buffers + the delimiter
        assertEquals(796 + 792 + 796 + 1, ram.get("serial buffers"));
        // sizeof(tm_server): 120 bytes of fields and the 64-tensor, 64-op tables it keeps for a blob
        assertEquals(120 + 64 * 36 + 64 * 64 + 24, ram.get("runtime state"));
        assertEquals(3584, ram.get("stack"));
        assertEquals(6768 + 2385 + 6544 + 3584, r.ramBytes());

        // conv 48672 MACs x5 + 5408 outputs x8 ops x3; pool 5408 x3; reshape 1352 x3;
        // dense 13520 x5 + 80 x3; softmax 400 x3 cycles at 240 MHz
        assertEquals(462_472 / 240_000.0, r.latencyMillis(), 1e-9);
        assertTrue(r.fits());
        assertTrue(r.why().startsWith("fits esp32"), r.why());
        // blob: header 24 + 6 tensors x 32 + 5 ops x 64 + CRC 4, then the arrays
        assertEquals(24 + 6 * 32 + 5 * 64 + 4 + 13_592 + 72 + 152, r.blobBytes());
    }

    @Test
    void floatBesideInt8ShowsWhatQuantizationSaves() {
        SizeReport int8 = SizeReport.of(TestGraphs.cnn(), ESP32);
        SizeReport f32 = int8.other();
        assertEquals(Precision.FLOAT32, f32.precision());
        assertEquals(4 * (72 + 13_520), f32.flashBreakdown().get("weights"));
        assertEquals(0, f32.flashBreakdown().get("quantization params"));
        assertEquals(4 * (5408 + 1352), f32.arenaBytes());    // x4 sizes need no alignment padding
        assertTrue(f32.flashBytes() > int8.flashBytes());
        // Without an FPU (RP2040's M0+) float MACs are soft-float calls: far slower than int8.
        SizeReport m0 = SizeReport.of(TestGraphs.cnn(), Target.of("rp2040"));
        assertTrue(m0.other().latencyMillis() > 5 * m0.latencyMillis());
        assertEquals(Precision.INT8, f32.other().precision());
    }

    @Test
    void perLayerTableHasBothPrecisions() {
        Table t = SizeReport.of(TestGraphs.cnn(), ESP32).table();
        assertEquals(5, t.rowCount());
        assertEquals("conv2d(8, 3)", t.stringColumn("layer").get(0));
        assertEquals("(26, 26, 8)", t.stringColumn("output shape").get(0));
        assertEquals(80, t.longColumn("params").get(0));
        assertEquals(48_672, t.longColumn("MACs").get(0));
        assertEquals(13_560, t.longColumn("weight bytes int8").get(3));          // 13520 + 10 int32 biases
        assertEquals(4 * 13_520 + 40, t.longColumn("weight bytes float32").get(3));
        assertEquals(1352, t.longColumn("activation bytes int8").get(1));
        assertEquals(4 * 1352, t.longColumn("activation bytes float32").get(1));
        assertEquals("flatten()", t.stringColumn("layer").get(2));
    }

    @Test
    void tutorialMlpFitsTheCortexBoards() {
        for (String board : new String[]{"esp32", "nrf52840", "stm32f746", "rp2040", "qemu-m4"}) {
            SizeReport r = SizeReport.of(TestGraphs.mlp(), Target.of(board));
            assertTrue(r.fits(), board + ": " + r.why());
            assertEquals(912, r.arenaBytes());
        }
    }

    @Test
    void mlpDoesNotFitArduinoUnoAndSaysWhere() {
        SizeReport r = SizeReport.of(TestGraphs.mlp(), Target.of("arduino-uno"));
        assertFalse(r.fits());
        String why = r.why();
        assertTrue(why.contains("flash: needs"), why);
        assertTrue(why.contains("dense(128) holds 98.5 KB"), why);     // 100352 weights + 512 bias bytes
        assertTrue(why.contains("RAM: needs"), why);
        // The input and its frame buffer alone exceed 2 KB RAM: no width fixes it, bigger boards do.
        assertTrue(why.contains("no narrower layer makes it fit arduino-uno"), why);
        assertTrue(why.contains("it fits esp32"), why);
        assertTrue(r.flashMarginBytes() < 0 && r.ramMarginBytes() < 0);
    }

    @Test
    void suggestsTheWidestLayerThatFits() {
        // A Cortex-M0+ with 32 KB flash and 16 KB RAM (the Uno's 2 KB cannot hold the protocol
        // server's 6.4 KB of state at all). 256-128-10 holds 32.5 KB of dense weights: over the flash
        // with the runtime (8.6 KB of Thumb code), RAM is fine; dense(64) needs 26 KB of flash.
        Target m0 = Target.builder("m0-32k").core(io.tinymlaas.target.Core.CORTEX_M0PLUS).clockMHz(48)
                .ramKB(16).flashKB(32).build();
        SizeReport r = SizeReport.of(TestGraphs.input(256).dense(128).dense(10).build(), m0);
        assertFalse(r.fits());
        assertTrue(r.why().contains("dense(128) holds 32.5 KB of weights: dense(64) would fit m0-32k"), r.why());
        assertTrue(SizeReport.of(TestGraphs.input(256).dense(64).dense(10).build(), m0).fits());
    }

    @Test
    void convTooWideForRamSuggestsFewerFilters() {
        // 64x64x3 input, conv2d(32, 3) writes 62x62x32 = 123008 bytes: over a 96 KB board;
        // conv2d(16, 3) needs 61504 + 15376 of arena + 36 KB of serial buffers for the 12 KB input,
        // conv2d(8, 3) 30752 + 7696 and fits.
        Target small = Target.builder("m4-96k").core(io.tinymlaas.target.Core.CORTEX_M4F).clockMHz(80)
                .ramKB(96).flashKB(1024).build();
        SizeReport r = SizeReport.of(TestGraphs.input(64, 64, 3).conv2d(32, 3).maxPool(2).flatten()
                .dense(10).build(), small);
        assertFalse(r.fits());
        assertTrue(r.why().contains("conv2d(32, 3) writes"), r.why());
        assertTrue(r.why().contains("conv2d(8, 3) would fit m4-96k"), r.why());
        assertTrue(SizeReport.of(TestGraphs.input(64, 64, 3).conv2d(8, 3).maxPool(2).flatten()
                .dense(10).build(), small).fits());
    }

    @Test
    void comparesBoards() {
        Table t = SizeReport.compare(TestGraphs.mlp(), ESP32, Target.of("rp2040"), Target.of("arduino-uno"));
        assertEquals(3, t.rowCount());
        assertEquals("yes", t.stringColumn("fits").get(0));
        assertEquals("yes", t.stringColumn("fits").get(1));
        assertEquals("no", t.stringColumn("fits").get(2));
        // the M0+ at 133 MHz is slower than the LX6 at 240 MHz, the AVR at 16 MHz slowest
        assertTrue(t.doubleColumn("est. ms").get(0) < t.doubleColumn("est. ms").get(1));
        assertTrue(t.doubleColumn("est. ms").get(1) < t.doubleColumn("est. ms").get(2));
    }

    @Test
    void displaysAsCardAndChart() {
        SizeReport r = SizeReport.of(TestGraphs.cnn(), ESP32);
        String html = r.toHtml();
        assertTrue(html.contains("fits esp32"));
        assertTrue(html.contains("conv2d(8, 3)"));
        assertTrue(html.contains("data:image/png;base64,"));
        assertTrue(html.contains("tensor arena 6.6 KB"), "RAM parts");
        byte[] png = r.toPng();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(7, r.chart().getSeriesMap().size());
        assertEquals(4, r.totals().rowCount());
    }
}
