package io.tinymlaas.report;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.target.ArenaPlan;
import io.tinymlaas.target.GreedyArenaPlanner;
import io.tinymlaas.target.Target;
import io.tinymlaas.target.TensorBuffer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flash, RAM and latency of one graph at one precision on one target, part by part.
 *
 * <p>Flash = weights + biases + quantization parameters + graph description + the
 * kernels linked + the runtime core + the platform. RAM = planned arena + serial buffers +
 * protocol server state + stack. Weights and tables are assumed compiled into flash as const C
 * data (C export); a model blob loaded at run time over serial holds them in RAM instead
 * ({@link #blobBytes()}).
 */
record Estimate(Graph graph, Target target, Precision precision, ArenaPlan arena,
                Map<String, Long> flashParts, Map<String, Long> ramParts, List<Row> rows) {

    static final String WEIGHTS = "weights";
    static final String BIASES = "biases";
    static final String QUANT = "quantization params";
    static final String GRAPH = "graph description";
    static final String KERNELS = "kernels";
    static final String RUNTIME = "runtime core";
    static final String PLATFORM = "platform";
    static final String ARENA = "tensor arena";
    static final String IO = "serial buffers";
    static final String STATE = "runtime state";
    static final String STACK = "stack";

    /** Per output channel: the int32 multiplier and int32 shift of QuantizeMultiplier. */
    private static final int QUANT_BYTES_PER_CHANNEL = 8;
    /** Softmax: its input multiplier and left shift. */
    private static final int QUANT_BYTES_SOFTMAX = 8;
    /** The model's tables as const C structs (firmware/runtime/tm_model.h on a 32-bit core): a
     *  tm_tensor is 36 bytes (rank, dims, scale, zero point, arena offset, bytes), a tm_op 64
     *  (code, tensors, window, clamp, diff_min, four arrays with counts), the tm_model 24. */
    private static final int GRAPH_BYTES_PER_TENSOR = 36;
    private static final int GRAPH_BYTES_PER_OP = 64;
    private static final int GRAPH_BYTES_MODEL = 24;
    /** docs/protocol.md: a packet is payload + 8 (version, code, seq, CRC32); an INFER answer
     *  carries 12 bytes before the output. */
    private static final int PACKET_OVERHEAD = 8;
    private static final int INFER_ANSWER_HEADER = 12;
    /** The protocol server's state besides its buffers: sizeof(tm_server) on a 32-bit core
     *  (firmware/runtime/tm_proto.h; arm-none-eabi-gcc 12.2), i.e. 120 bytes of buffer pointers,
     *  load progress, active model and statistics, plus the tm_loaded_model it embeds for a blob
     *  (TM_MAX_TENSORS 64 x 36 + TM_MAX_OPS 64 x 64 + 24 = 6424 bytes) whether or not the model is
     *  compiled in: measured in the .bss of {@code make -C firmware mps2-model}. */
    private static final int SERVER_STATE_BYTES = 120 + 64 * 36 + 64 * 64 + 24;
    /** docs/protocol.md: every board accepts a payload of at least 256 bytes (HELLO, INFO, errors). */
    private static final int MIN_PAYLOAD = 256;

    /** One layer's line of the report. */
    record Row(OpSize layer, long weightBytes, long activationBytes, double millis) {
    }

    static Estimate of(Graph graph, Target target, Precision precision) {
        List<TensorBuffer> buffers = buffers(graph, precision);
        ArenaPlan arena = new GreedyArenaPlanner().plan(buffers);
        double cyclesPerMs = target.clockMHz() * 1000.0;
        double cyclesPerMac = precision == Precision.INT8
                ? target.core().cyclesPerInt8Mac() : target.core().cyclesPerFloatMac();

        long weights = 0;
        long biases = 0;
        long quant = 0;
        Set<OpKind> kinds = EnumSet.noneOf(OpKind.class);
        List<Row> rows = new ArrayList<>();
        for (Op op : graph.ops()) {
            OpSize l = OpSize.of(graph, op);
            long w = l.weightCount() * precision.weightBytes();
            long b = l.biasCount() * precision.biasBytes();
            weights += w;
            biases += b;
            if (precision == Precision.INT8) {
                quant += l.hasWeights() ? (long) l.width() * QUANT_BYTES_PER_CHANNEL : 0;
                quant += op.kind() == OpKind.SOFTMAX ? QUANT_BYTES_SOFTMAX : 0;
            }
            kinds.add(OpKind.of(op.kind()));
            double cycles = precision == Precision.INT8 && l.hasWeights()
                    ? l.macs() * cyclesPerMac + (double) l.out().size() * target.core().cyclesPerInt8Output()
                    : l.macs() * cyclesPerMac + l.elementOps(precision) * target.core().cyclesPerElementOp();
            rows.add(new Row(l, w + b, (long) l.out().size() * precision.activationBytes(), cycles / cyclesPerMs));
        }

        Map<String, Long> flash = new LinkedHashMap<>();
        flash.put(WEIGHTS, weights);
        flash.put(BIASES, biases);
        flash.put(QUANT, quant);
        flash.put(GRAPH, (long) graph.ops().size() * GRAPH_BYTES_PER_OP
                + (long) buffers.size() * GRAPH_BYTES_PER_TENSOR + GRAPH_BYTES_MODEL);
        flash.put(KERNELS, target.runtimeCode().linkedKernels(kinds).stream()
                .mapToLong(k -> target.runtimeCode().kernelBytes(k)).sum());
        flash.put(RUNTIME, target.runtimeCode().coreBytes());
        flash.put(PLATFORM, target.platformFlashBytes());

        long in = (long) graph.inputSpec().elements() * precision.activationBytes();
        long out = (long) graph.outputSpec().elements() * precision.activationBytes();
        Map<String, Long> ram = new LinkedHashMap<>();
        ram.put(ARENA, arena.arenaBytes());
        ram.put(IO, protocolBuffers(Math.max(MIN_PAYLOAD, Math.max(in, out + INFER_ANSWER_HEADER))));
        ram.put(STATE, (long) SERVER_STATE_BYTES);
        ram.put(STACK, (long) target.stackBytes());
        return new Estimate(graph, target, precision, arena, flash, ram, rows);
    }

    /** The activation tensors the arena holds, with their lifetimes, at {@code precision}. */
    static List<TensorBuffer> buffers(Graph graph, Precision precision) {
        int n = graph.ops().size();
        int[] inputs = new int[n];
        int[] outputs = new int[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = graph.ops().get(i).input();
            outputs[i] = graph.ops().get(i).output();
        }
        long[] bytes = graph.tensors().stream().mapToLong(t -> (long) t.elements() * precision.activationBytes()).toArray();
        return GreedyArenaPlanner.lifetimes(inputs, outputs, graph.input(), graph.output(), bytes);
    }

    Shape inputShape() {
        return graph.inputSpec().shape();
    }

    /**
     * The serial protocol's three static buffers (tm_buffers) when its max payload just carries
     * this model's input and answer (and at least 256 bytes, as firmware/mps2/main.c sizes them
     * for a compiled-in model): the COBS-encoded request, the answer packet, the encoded answer.
     */
    static long protocolBuffers(long maxPayload) {
        long packet = maxPayload + PACKET_OVERHEAD;
        long wire = packet + packet / 254 + 1;     // TM_COBS_MAX_ENCODED
        return wire + packet + wire + 1;
    }

    /** A model blob (docs/model-format.md) of this graph: what a run-time load puts in RAM. */
    long blobBytes() {
        long tables = 24 + 32L * buffers(graph, precision).size() + 64L * graph.ops().size() + 4;
        return tables + flashParts.get(WEIGHTS) + flashParts.get(BIASES) + flashParts.get(QUANT);
    }

    long flash() {
        return flashParts.values().stream().mapToLong(Long::longValue).sum();
    }

    long ram() {
        return ramParts.values().stream().mapToLong(Long::longValue).sum();
    }

    double millis() {
        return rows.stream().mapToDouble(Row::millis).sum();
    }

    boolean flashFits() {
        return flash() <= target.usableFlashBytes();
    }

    boolean ramFits() {
        return ram() <= target.usableRamBytes();
    }

    boolean fits() {
        return flashFits() && ramFits();
    }
}
