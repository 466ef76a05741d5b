package io.tinymlaas.quant;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.OpKind;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.arith.SoftmaxScaling;
import io.tinymlaas.quant.arith.TflmArith;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;
import io.tinymlaas.quant.kernels.Mean;

import java.util.ArrayList;
import java.util.List;

/**
 * What TFLM's Prepare computes from the numbers a .tflite stores — tensor scales, weight scales,
 * fused activations — before it runs a model: each op's multipliers and shifts, its int8 clamp and
 * softmax's parameters. The quantizer derives its numbers here too, so a model we export gives,
 * in TFLM, exactly the multipliers our kernels use.
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
            Int8Params p = op.int8();
            ops.add(new Op(op.kind(), op.name(), op.input(), op.output(), op.window(), op.activation(),
                    prepare(op, p.weights(), p.weightScales(), p.bias(), stored.tensor(op.input()),
                            stored.tensor(op.output()))));
        }
        return new Graph(stored.tensors(), ops, stored.input(), stored.output());
    }

    /**
     * The int8 constants of {@code op} from its stored weights, weight scales (one per output
     * channel, or one for the whole tensor) and bias, between tensors {@code in} and {@code out}.
     */
    public static Int8Params prepare(Op op, byte[] weights, float[] weightScales, int[] bias, TensorSpec in,
                                     TensorSpec out) {
        int[] range = TflmParams.activationRange(op.activation(), out.scale(), out.zeroPoint());
        if (op.kind() == OpKind.SOFTMAX) {
            SoftmaxScaling s = SoftmaxScaling.of(in.scale(), 1.0f);
            return new Int8Params(weights, weightScales, bias, new int[] {s.inputMultiplier()},
                    new int[] {s.inputLeftShift()}, range[0], range[1], s.diffMin());
        }
        if (op.kind() == OpKind.MEAN) {
            return Mean.prepare(in, out);
        }
        if (!op.kind().isWeighted()) {
            return new Int8Params(weights, weightScales, bias, new int[0], new int[0], range[0], range[1], 0);
        }
        QuantizedMultiplier[] m = multipliers(op.kind(), weightScales, in.scale(), out.scale(),
                out.shape().dim(out.shape().rank() - 1));
        int[] multipliers = new int[m.length];
        int[] shifts = new int[m.length];
        for (int c = 0; c < m.length; c++) {
            if (m[c].shift() > MAX_SHIFT) {
                throw new IllegalArgumentException(op.kind() + " " + op.name() + ": input scale " + in.scale()
                        + ", weight scale and output scale " + out.scale() + " give a multiplier of 2^" + m[c].shift()
                        + " in channel " + c + ", beyond the int32 arithmetic of TFLM's kernels (at most 2^" + MAX_SHIFT + ")");
            }
            multipliers[c] = m[c].multiplier();
            shifts[c] = m[c].shift();
        }
        return new Int8Params(weights, weightScales, bias, multipliers, shifts, range[0], range[1], 0);
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
