package io.tinymlaas.codegen;

import io.tinymlaas.quant.Int8Graph;
import io.tinymlaas.quant.Int8Op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where every activation tensor lives in the runtime's arena. The one place the blob and the
 * exported C take their plan from: first-fit by size over tensor lifetimes, where a tensor lives
 * from the op that writes it (the input: from before the first op) to its last reader (the
 * output: to the end). An op's input and output are alive at the same step, so never overlap.
 */
public record ArenaPlan(int[] offsets, int arenaBytes) {

    public int offset(int tensor) {
        return offsets[tensor];
    }

    public static ArenaPlan of(Int8Graph graph) {
        int tensorCount = graph.tensors().size();
        int end = graph.ops().size();
        int[] born = new int[tensorCount];
        int[] dies = new int[tensorCount];
        Arrays.fill(born, Integer.MAX_VALUE);
        Arrays.fill(dies, Integer.MIN_VALUE);
        born[graph.input()] = -1;
        for (int step = 0; step < end; step++) {
            Int8Op op = graph.ops().get(step);
            born[op.output()] = Math.min(born[op.output()], step);
            dies[op.input()] = Math.max(dies[op.input()], step);
        }
        dies[graph.output()] = end;
        for (int t = 0; t < tensorCount; t++) {
            if (born[t] == Integer.MAX_VALUE || dies[t] == Integer.MIN_VALUE) {
                born[t] = -1;   // read but never written, or written but never read: keep it for the whole run
                dies[t] = end;
            }
            dies[t] = Math.max(dies[t], born[t]);
        }

        Integer[] bySize = new Integer[tensorCount];
        for (int t = 0; t < tensorCount; t++) {
            bySize[t] = t;
        }
        Arrays.sort(bySize, Comparator.comparingInt((Integer t) -> -graph.tensors().get(t).bytes()).thenComparingInt(t -> t));

        int[] offsets = new int[tensorCount];
        int arena = 0;
        List<Integer> placed = new ArrayList<>();
        for (int t : bySize) {
            int size = graph.tensors().get(t).bytes();
            int offset = 0;
            boolean moved = true;
            while (moved) {   // first fit: step past every live neighbour that overlaps
                moved = false;
                for (int other : placed) {
                    boolean liveTogether = born[t] <= dies[other] && born[other] <= dies[t];
                    int otherEnd = offsets[other] + graph.tensors().get(other).bytes();
                    if (liveTogether && offset < otherEnd && offsets[other] < offset + size) {
                        offset = otherEnd;
                        moved = true;
                    }
                }
            }
            offsets[t] = offset;
            arena = Math.max(arena, offset + size);
            placed.add(t);
        }
        return new ArenaPlan(offsets, arena);
    }
}
