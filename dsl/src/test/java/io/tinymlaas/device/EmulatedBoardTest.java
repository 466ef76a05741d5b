package io.tinymlaas.device;

import io.tinymlaas.codegen.RandomGraphs;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.quant.Int8Interpreter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every board started here does, one board for the whole class. A subclass names the board, its
 * unit of time and how many random graphs to compare with the Java reference, and tests what only
 * that board does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatedBoardTest {
    private static final int INPUTS_PER_GRAPH = 4;
    private static final int NOISY_CALLS = 200;

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

    /**
     * A quarter of the requests are spoiled by noise on the line on their way to a second board of this
     * kind: retries absorb it, and all 200 calls answer the right bytes.
     */
    @Test
    void retriesAbsorbNoiseOnTheLine() {
        Random random = new Random(77);
        Graph graph = RandomGraphs.chain(random);
        try (Device noisy = Device.open(new NoisyBoard(Device.board(board), 78, 0.25))) {
            noisy.deploy(graph);
            int failed = 0;
            StringBuilder failures = new StringBuilder();
            for (int call = 0; call < NOISY_CALLS; call++) {
                byte[] input = RandomGraphs.input(graph, random);
                try {
                    assertArrayEquals(Int8Interpreter.run(graph, input), noisy.predictRaw(input).output());
                } catch (DeviceException e) {
                    failed++;
                    failures.append(failed == 1 ? "" : "; ").append("call ").append(call).append(": ").append(e.getMessage());
                }
            }
            assertEquals(0, failed, failed + " of " + NOISY_CALLS + " calls failed: " + failures);
            assertTrue(noisy.stats().crcErrors() + noisy.stats().framingErrors() > NOISY_CALLS / 10, noisy.stats().toString());
        }
    }

    /**
     * A board stopped by SIGSTOP is reported after one short try, naming the request and the stopped
     * process; resumed, it serves again. The try's budget (in the message) is a few seconds, not minutes.
     */
    @Test
    void aFrozenBoardIsReportedAfterOneShortTryAndServesOnceResumed() throws Exception {
        List<Long> pids = boardPids();
        signal("-STOP", pids);
        DeviceException e;
        try {
            e = assertThrows(DeviceException.class, device::info);
        } finally {
            signal("-CONT", pids);
        }
        Matcher budget = Pattern.compile("did not answer INFO \\(0 bytes sent, 1 try of up to (\\d+) ms each\\)").matcher(e.getMessage());
        assertTrue(budget.find(), e.getMessage());
        assertTrue(Integer.parseInt(budget.group(1)) <= 3_000, e.getMessage());
        assertTrue(e.getMessage().contains("is stopped (SIGSTOP or a debugger): `kill -CONT "), e.getMessage());
        assertEquals(board, device.info().board());
    }

    /** The board's process and its children (QEMU under its watcher). */
    private List<Long> boardPids() {
        EmulatedBoard emulated = (EmulatedBoard) device.board();
        ProcessHandle root = ProcessHandle.of(emulated.pid()).orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).map(ProcessHandle::pid).toList();
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
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
