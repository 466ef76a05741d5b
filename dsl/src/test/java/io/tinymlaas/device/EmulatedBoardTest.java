package io.tinymlaas.device;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every board started here does, one board for the whole class. A subclass names the board, its
 * unit of time and how many random graphs to compare with the Java reference, and tests what only
 * that board does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatedBoardTest {
    private static final int INPUTS_PER_GRAPH = 4;

    private final String board;
    private final DeviceTime.Unit timeUnit;
    private final long graphSeed;
    private final int randomGraphs;
    Device device;

    /** {@code randomGraphs} graphs drawn from {@code graphSeed}, with 4 random inputs each, are run on the board. */
    EmulatedBoardTest(String board, DeviceTime.Unit timeUnit, long graphSeed, int randomGraphs) {
        this.board = board;
        this.timeUnit = timeUnit;
        this.graphSeed = graphSeed;
        this.randomGraphs = randomGraphs;
    }

    /** What only this board says about itself, beyond its name and unit of time. */
    abstract void assertOwnInfo(DeviceInfo info);

    @BeforeAll
    void start() {
        device = Device.open(board);
    }

    @AfterAll
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void saysWhatItIs() {
        DeviceInfo info = device.info();
        assertEquals(board, info.board());
        assertEquals(timeUnit, info.timeUnit());
        assertOwnInfo(info);
    }

    @Test
    void answersTheJavaReferenceBytesForRandomGraphs() {
        assertEquals(randomGraphs * INPUTS_PER_GRAPH,
                Differential.assertBoardMatchesJava(device, graphSeed, randomGraphs, INPUTS_PER_GRAPH));
    }

    @Test
    void keepsServingAfterGarbage() {
        DeviceStats before = device.stats();
        device.sendRaw(new byte[] {0x13, 0x37, 0x42, 0x00});
        assertEquals(board, device.info().board());
        DeviceStats after = device.stats();
        assertTrue(after.framingErrors() > before.framingErrors(), "framing errors " + after);
    }
}
