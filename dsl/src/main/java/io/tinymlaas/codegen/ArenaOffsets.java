package io.tinymlaas.codegen;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.target.ArenaPlan;
import io.tinymlaas.target.GreedyArenaPlanner;

/**
 * The arena plan of {@link GreedyArenaPlanner} (the one the size report predicts with) as the blob
 * and the generated C need it: an offset for every tensor of the graph and the arena's size.
 */
record ArenaOffsets(int[] offsets, int arenaBytes) {

    int offset(int tensor) {
        return offsets[tensor];
    }

    static ArenaOffsets of(Graph graph) {
        ArenaPlan plan = new GreedyArenaPlanner().plan(graph);
        int[] offsets = new int[graph.tensors().size()];
        for (int t = 0; t < offsets.length; t++) {
            if (!plan.offsets().containsKey(t)) {
                throw new IllegalArgumentException("tensor " + t + " (" + graph.tensors().get(t).name()
                        + ") is read and written by no op: remove it from the graph");
            }
            offsets[t] = Math.toIntExact(plan.offset(t));
        }
        return new ArenaOffsets(offsets, Math.toIntExact(plan.arenaBytes()));
    }
}
