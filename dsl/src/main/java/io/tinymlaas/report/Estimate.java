package io.tinymlaas.report;

import io.tinymlaas.quant.OpKind;
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
 * Flash, RAM and latency of one network at one precision on one target, part by part.
 *
 * <p>Flash = weights + biases + quantization parameters + graph description + the kernels of the
 * op kinds used + the runtime core + the platform. RAM = planned arena + I/O frame buffer +
 * runtime bookkeeping + stack. Weights are assumed compiled into flash (C export); a model blob
 * loaded at run time over serial would hold them in RAM instead.
 */
record Estimate(Network network, Target target, Precision precision, ArenaPlan arena,
                Map<String, Long> flashParts, Map<String, Long> ramParts, List<Row> rows) {

    static final String WEIGHTS = "weights";
    static final String BIASES = "biases";
    static final String QUANT = "quantization params";
    static final String GRAPH = "graph description";
    static final String KERNELS = "kernels";
    static final String RUNTIME = "runtime core";
    static final String PLATFORM = "platform";
    static final String ARENA = "tensor arena";
    static final String IO = "I/O frame buffer";
    static final String BOOKKEEPING = "runtime bookkeeping";
    static final String STACK = "stack";

    /** Per output channel: the int32 multiplier and int32 shift of QuantizeMultiplier. */
    private static final int QUANT_BYTES_PER_CHANNEL = 8;
    /** Per activation tensor: float scale and int32 zero point. */
    private static final int QUANT_BYTES_PER_TENSOR = 8;
    /** Softmax: input multiplier, left shift, diff_min. */
    private static final int QUANT_BYTES_SOFTMAX = 12;
    /** Model description in flash, per op (kind, tensor ids, window, clamp, parameter offsets) and
     *  per tensor (four int16 dims, arena offset); to be checked against docs/model-format.md. */
    private static final int GRAPH_BYTES_PER_OP = 16;
    private static final int GRAPH_BYTES_PER_TENSOR = 12;
    /** A serial frame's header and CRC around the payload (docs/protocol.md decides the real one). */
    private static final int FRAME_OVERHEAD_BYTES = 16;
    /** Run-time state: a pointer, size, scale and zero point per tensor; kind, tensors and
     *  parameter pointers per op; the interpreter's own state. */
    private static final int STATE_BYTES_PER_TENSOR = 16;
    private static final int STATE_BYTES_PER_OP = 24;
    private static final int STATE_BYTES_INTERPRETER = 64;

    /** One layer's line of the report. */
    record Row(LayerSpec layer, long weightBytes, long activationBytes, double millis) {
    }

    static Estimate of(Network network, Target target, Precision precision) {
        List<TensorBuffer> buffers = network.buffers(precision);
        ArenaPlan arena = new GreedyArenaPlanner().plan(buffers);
        double cyclesPerMs = target.clockMHz() * 1000.0;
        double cyclesPerMac = precision == Precision.INT8
                ? target.core().cyclesPerInt8Mac() : target.core().cyclesPerFloatMac();

        long weights = 0;
        long biases = 0;
        long quant = precision == Precision.INT8 ? (long) buffers.size() * QUANT_BYTES_PER_TENSOR : 0;
        Set<OpKind> kinds = EnumSet.noneOf(OpKind.class);
        List<Row> rows = new ArrayList<>();
        for (LayerSpec l : network.layers()) {
            long w = l.weightCount() * precision.weightBytes();
            long b = l.biasCount() * precision.biasBytes();
            weights += w;
            biases += b;
            if (precision == Precision.INT8) {
                quant += l.hasWeights() ? (long) l.width() * QUANT_BYTES_PER_CHANNEL : 0;
                quant += l.kind() == OpKind.SOFTMAX ? QUANT_BYTES_SOFTMAX : 0;
            }
            kinds.add(l.kind());
            double cycles = l.macs() * cyclesPerMac + l.elementOps(precision) * target.core().cyclesPerElementOp();
            rows.add(new Row(l, w + b, (long) l.out().size() * precision.activationBytes(), cycles / cyclesPerMs));
        }

        Map<String, Long> flash = new LinkedHashMap<>();
        flash.put(WEIGHTS, weights);
        flash.put(BIASES, biases);
        flash.put(QUANT, quant);
        flash.put(GRAPH, (long) network.layers().size() * GRAPH_BYTES_PER_OP
                + (long) buffers.size() * GRAPH_BYTES_PER_TENSOR);
        flash.put(KERNELS, kinds.stream().mapToLong(k -> target.runtimeCode().kernelBytes(k)).sum());
        flash.put(RUNTIME, target.runtimeCode().coreBytes());
        flash.put(PLATFORM, target.platformFlashBytes());

        long in = (long) network.inputShape().size() * precision.activationBytes();
        long out = (long) network.outputShape().size() * precision.activationBytes();
        Map<String, Long> ram = new LinkedHashMap<>();
        ram.put(ARENA, arena.arenaBytes());
        // One half-duplex frame buffer, request then reply: the larger payload plus framing.
        ram.put(IO, Math.max(in, out) + FRAME_OVERHEAD_BYTES);
        ram.put(BOOKKEEPING, (long) buffers.size() * STATE_BYTES_PER_TENSOR
                + (long) network.layers().size() * STATE_BYTES_PER_OP + STATE_BYTES_INTERPRETER);
        ram.put(STACK, (long) target.stackBytes());
        return new Estimate(network, target, precision, arena, flash, ram, rows);
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
