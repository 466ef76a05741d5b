package io.tinymlaas.codegen;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArenaOffsetsTest {

    @Test
    void aChainNeedsTheLargestNeighbouringPair() {
        // input 32 B, conv 48 B, flat 48 B, dense 5 B: conv and flat are alive together at the reshape
        ArenaOffsets plan = ArenaOffsets.of(BlobWriterTest.smallGraph());
        assertEquals(96, plan.arenaBytes());
    }

    @Test
    void obeysTheLoadersAliasAndLivenessRules() {
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            Graph g = RandomGraphs.chain(random);
            ArenaOffsets plan = ArenaOffsets.of(g);
            for (int t = 0; t < g.tensors().size(); t++) {
                assertTrue(plan.offset(t) + g.tensors().get(t).bytes() <= plan.arenaBytes());
            }
            for (int step = 0; step < g.ops().size(); step++) {
                Op op = g.ops().get(step);
                assertFalse(overlap(g, plan, op.input(), op.output()), "op " + step + " reads what it writes");
                int written = writer(g, op.input());
                for (int between = written + 1; between < step; between++) {
                    int other = g.ops().get(between).output();
                    assertFalse(overlap(g, plan, other, op.input()), "op " + between + " overwrites the input of op " + step);
                }
            }
            int outputWriter = writer(g, g.output());
            for (int later = outputWriter + 1; later < g.ops().size(); later++) {
                assertFalse(overlap(g, plan, g.ops().get(later).output(), g.output()), "the output is overwritten");
            }
        }
    }

    private static int writer(Graph g, int tensor) {
        for (int step = 0; step < g.ops().size(); step++) {
            if (g.ops().get(step).output() == tensor) {
                return step;
            }
        }
        return -1;
    }

    private static boolean overlap(Graph g, ArenaOffsets plan, int a, int b) {
        int aEnd = plan.offset(a) + g.tensors().get(a).bytes();
        int bEnd = plan.offset(b) + g.tensors().get(b).bytes();
        return plan.offset(a) < bEnd && plan.offset(b) < aEnd;
    }
}
