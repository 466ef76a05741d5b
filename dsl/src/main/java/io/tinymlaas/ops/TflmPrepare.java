package io.tinymlaas.ops;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;
import io.tinymlaas.quant.arith.TflmArith;

import java.util.ArrayList;
import java.util.List;

/**
 * What TFLM's Prepare computes from the numbers a .tflite stores — tensor scales, weight scales,
 * fused activations — before it runs a model: each op's kernel prepares its own multipliers,
 * shifts and clamp ({@link OpKernel#prepare}); the two preparations several kernels share are
 * here. The quantizer prepares through the same kernels, so a model we export gives, in TFLM,
 * exactly the multipliers our kernels use.
 */
public final class TflmPrepare {
    /** The largest left shift the requantization takes (the board's checker refuses more). */
    private static final int MAX_SHIFT = 31;

    private TflmPrepare() {
    }

    /** The graph with every op's derived numbers computed from its stored ones (a graph read from a .tflite). */
    public static Graph prepare(Graph stored) {
        List<Op> ops = new ArrayList<>();
        for (Op op : stored.ops()) {
            Int8Params p = OpKind.of(op.kind()).kernel().prepare(op, stored.tensor(op.input()), stored.tensor(op.output()));
            ops.add(new Op(op.kind(), op.name(), op.input(), op.output(), op.window(), op.activation(), p));
        }
        return new Graph(stored.tensors(), ops, stored.input(), stored.output());
    }

    /** An op without multipliers (pooling, reshape): its stored numbers and the clamp of its fused activation. */
    static Int8Params clamped(Op stored, TensorSpec out) {
        Int8Params p = stored.int8();
        int[] range = TflmParams.activationRange(stored.activation(), out.scale(), out.zeroPoint());
        return new Int8Params(p.weights(), p.weightScales(), p.bias(), new int[0], new int[0], range[0], range[1], 0);
    }

    /**
     * Conv, depthwise and fully connected: the stored weights, weight scales (one per output
     * channel, or one for the whole tensor) and bias, with TFLM's multipliers and clamp.
     */
    static Int8Params weighted(Op stored, TensorSpec in, TensorSpec out) {
        Int8Params p = stored.int8();
        int[] range = TflmParams.activationRange(stored.activation(), out.scale(), out.zeroPoint());
        OpKind kind = OpKind.of(stored.kind());
        QuantizedMultiplier[] m = multipliers(kind, p.weightScales(), in.scale(), out.scale(),
                out.shape().dim(out.shape().rank() - 1));
        int[] multipliers = new int[m.length];
        int[] shifts = new int[m.length];
        for (int c = 0; c < m.length; c++) {
            if (m[c].shift() > MAX_SHIFT) {
                throw new IllegalArgumentException(kind + " " + stored.name() + ": input scale " + in.scale()
                        + ", weight scale and output scale " + out.scale() + " give a multiplier of 2^" + m[c].shift()
                        + " in channel " + c + ", beyond the int32 arithmetic of TFLM's kernels (at most 2^" + MAX_SHIFT + ")");
            }
            multipliers[c] = m[c].multiplier();
            shifts[c] = m[c].shift();
        }
        return new Int8Params(p.weights(), p.weightScales(), p.bias(), multipliers, shifts, range[0], range[1], 0);
    }

    /**
     * TFLM's multipliers: per channel, {@code (double) in · (double) w[c] / (double) out}. One
     * weight scale means per tensor: conv and depthwise use it for every channel the same way, while
     * FULLY_CONNECTED takes TFLM's per-tensor path, one multiplier from the float product
     * {@code (double) (in · w) / (double) out} (GetQuantizedConvolutionMultipler).
     */
    private static QuantizedMultiplier[] multipliers(OpKind kind, float[] weightScales, float inScale, float outScale,
                                                     int channels) {
        if (weightScales.length == 1 && kind == OpKind.FULLY_CONNECTED) {
            double product = (double) (inScale * weightScales[0]);
            return new QuantizedMultiplier[] {TflmArith.quantizeMultiplier(product / (double) outScale)};
        }
        if (weightScales.length != 1 && weightScales.length != channels) {
            throw new IllegalArgumentException(kind + " with " + channels + " output channels has "
                    + weightScales.length + " weight scales: expected one per channel, or one");
        }
        QuantizedMultiplier[] m = new QuantizedMultiplier[channels];
        for (int c = 0; c < channels; c++) {
            m[c] = TflmParams.outputMultiplier(inScale, weightScales[weightScales.length == 1 ? 0 : c], outScale);
        }
        return m;
    }
}
