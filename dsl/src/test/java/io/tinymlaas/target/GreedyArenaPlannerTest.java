package io.tinymlaas.target;

import io.tinymlaas.report.TestGraphs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GreedyArenaPlannerTest {
    private final GreedyArenaPlanner planner = new GreedyArenaPlanner();

    @Test
    void chainReusesTheSpaceOfDeadTensors() {
        // t0 -op0-> t1 -op1-> t2 -op2-> t3, sizes 100, 300, 40, 200 (aligned 112, 300->304, 48, 208).
        // Largest first: t1 (304, ops 0-1) at 0; t3 (208, op 2) overlaps only t2: placed later, so 0;
        // t0 (112, op 0) overlaps t1 -> 304; t2 (48, ops 1-2) overlaps t1 [0,304) and t3 [0,208) -> 304.
        List<TensorBuffer> buffers = GreedyArenaPlanner.lifetimes(new int[]{0, 1, 2}, new int[]{1, 2, 3},
                0, 3, new long[]{100, 300, 40, 200});
        ArenaPlan plan = planner.plan(buffers);
        assertEquals(Map.of(0, 304L, 1, 0L, 2, 304L, 3, 0L), plan.offsets());
        assertEquals(416, plan.arenaBytes());
    }

    @Test
    void lifetimesSpanFromWriterToLastReader() {
        List<TensorBuffer> buffers = GreedyArenaPlanner.lifetimes(new int[]{0, 1, 2}, new int[]{1, 2, 3},
                0, 3, new long[]{1, 2, 3, 4});
        assertEquals(List.of(new TensorBuffer(0, 1, 0, 0), new TensorBuffer(1, 2, 0, 1),
                new TensorBuffer(2, 3, 1, 2), new TensorBuffer(3, 4, 2, 2)),
                buffers.stream().sorted(java.util.Comparator.comparingInt(TensorBuffer::id)).toList());
    }

    @Test
    void firstGapThatFitsIsTakenBeforeTheTop() {
        // a (64, ops 0-1) at 0; b (48, ops 2-3) reuses a's space at 0; c (32, ops 0-3) overlaps both:
        // 64; d (16, op 2) overlaps b [0,48) and c [64,96): the hole [48,64) takes it.
        ArenaPlan plan = planner.plan(List.of(new TensorBuffer(0, 64, 0, 1), new TensorBuffer(1, 48, 2, 3),
                new TensorBuffer(2, 32, 0, 3), new TensorBuffer(3, 16, 2, 2)));
        assertEquals(Map.of(0, 0L, 1, 0L, 2, 64L, 3, 48L), plan.offsets());
        assertEquals(96, plan.arenaBytes());
    }

    @Test
    void tutorialMlpArenaIsInputPlusHidden() {
        // input 784 (op 0) with dense(128) out (ops 0-1); dense(10) out 10->16 and softmax out 16
        // reuse the input's space: 784 + 128 = 912.
        ArenaPlan plan = planner.plan(TestGraphs.mlp());
        assertEquals(912, plan.arenaBytes());
        assertEquals(Map.of(0, 0L, 1, 784L, 2, 0L, 3, 16L), plan.offsets());
    }

    @Test
    void tutorialCnnArenaIsConvOutputPlusPoolOutput() {
        // tensors: in 784, conv 26x26x8 = 5408, pool 13x13x8 = 1352 (1360 aligned), flatten 1360,
        // dense 16, softmax 16. conv at 0; pool above it at 5408; flatten (ops 2-3) into the dead
        // conv's space at 0; input (op 0) above conv at 5408; dense out above flatten at 1360;
        // softmax out at 0. Arena 5408 + 1360 = 6768.
        ArenaPlan plan = planner.plan(TestGraphs.cnn());
        assertEquals(6768, plan.arenaBytes());
        assertEquals(Map.of(0, 5408L, 1, 0L, 2, 5408L, 3, 0L, 4, 1360L, 5, 0L), plan.offsets());
    }

    @Test
    void alignsToSixteenBytes() {
        assertEquals(0, GreedyArenaPlanner.align(0));
        assertEquals(16, GreedyArenaPlanner.align(1));
        assertEquals(16, GreedyArenaPlanner.align(16));
        assertEquals(32, GreedyArenaPlanner.align(17));
    }

    @Test
    void rejectsABufferThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new TensorBuffer(0, 8, 3, 1));
    }
}
