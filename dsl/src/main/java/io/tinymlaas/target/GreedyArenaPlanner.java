package io.tinymlaas.target;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the tensor arena as TFLM's greedy memory planner does: each tensor lives from the op that
 * writes it to the last op that reads it (an op's input and output are alive together; the model
 * input from the first op, the model output to the last); tensors are placed largest first, each
 * at the lowest offset where it overlaps no placed tensor that is alive at the same time, on
 * 16-byte boundaries. The arena is the highest end of any tensor.
 */
public final class GreedyArenaPlanner {
    /** TFLM's kBufferAlignment: every tensor starts, and is sized, on a 16-byte boundary. */
    public static final int ALIGNMENT = 16;

    /** Plans the activation tensors of a graph, each {@code TensorSpec.bytes()} long. */
    public ArenaPlan plan(Graph graph) {
        int n = graph.ops().size();
        int[] inputs = new int[n];
        int[] outputs = new int[n];
        for (int i = 0; i < n; i++) {
            Op op = graph.ops().get(i);
            inputs[i] = op.input();
            outputs[i] = op.output();
        }
        long[] bytes = graph.tensors().stream().mapToLong(t -> t.bytes()).toArray();
        return plan(lifetimes(inputs, outputs, graph.input(), graph.output(), bytes));
    }

    /**
     * The buffers of a graph of single-input ops run in order: op i reads tensor inputs[i] and
     * writes outputs[i]. Tensors no op touches are left out.
     */
    public static List<TensorBuffer> lifetimes(int[] inputs, int[] outputs, int modelInput, int modelOutput,
                                               long[] tensorBytes) {
        int last = inputs.length - 1;
        Map<Integer, int[]> life = new HashMap<>();   // tensor -> {first, last}
        life.put(modelInput, new int[]{0, 0});
        for (int op = 0; op <= last; op++) {
            life.computeIfAbsent(outputs[op], t -> new int[]{Integer.MAX_VALUE, 0});
            int[] out = life.get(outputs[op]);
            out[0] = Math.min(out[0], op);
            out[1] = Math.max(out[1], op);
            int[] in = life.computeIfAbsent(inputs[op], t -> new int[]{0, 0});
            in[1] = Math.max(in[1], op);
        }
        life.get(modelOutput)[1] = Math.max(0, last);
        List<TensorBuffer> buffers = new ArrayList<>();
        life.forEach((id, span) -> buffers.add(new TensorBuffer(id, tensorBytes[id], span[0], span[1])));
        return buffers;
    }

    /** Places the buffers: largest first (ties: earliest first, then lowest id), first gap that fits. */
    public ArenaPlan plan(List<TensorBuffer> buffers) {
        List<TensorBuffer> order = new ArrayList<>(buffers);
        order.sort(Comparator.comparingLong(TensorBuffer::bytes).reversed()
                .thenComparingInt(TensorBuffer::firstOp).thenComparingInt(TensorBuffer::id));
        List<Placed> placed = new ArrayList<>();
        long arena = 0;
        for (TensorBuffer b : order) {
            long size = align(b.bytes());
            long offset = firstGap(b, size, placed);
            placed.add(new Placed(b, offset, size));
            arena = Math.max(arena, offset + size);
        }
        Map<Integer, Long> offsets = new HashMap<>();
        placed.forEach(p -> offsets.put(p.buffer.id(), p.offset));
        return new ArenaPlan(arena, offsets);
    }

    private static long firstGap(TensorBuffer b, long size, List<Placed> placed) {
        List<Placed> live = placed.stream().filter(p -> p.buffer.overlapsInTime(b))
                .sorted(Comparator.comparingLong(p -> p.offset)).toList();
        long candidate = 0;
        for (Placed p : live) {
            if (candidate + size <= p.offset) {
                break;
            }
            candidate = Math.max(candidate, p.offset + p.size);
        }
        return candidate;
    }

    public static long align(long bytes) {
        return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private record Placed(TensorBuffer buffer, long offset, long size) {
    }
}
