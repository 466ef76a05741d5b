package io.tinymlaas.ops;

import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;

/**
 * Conv, depthwise and fully connected: a calibrated output, and TFLM's Prepare of their
 * multipliers from the input, weight and output scales, with the clamp of the fused activation.
 */
abstract class WeightedKernel implements OpKernel, TfliteForm {
    /** The largest left shift the requantization takes (the board's checker refuses more). */
    private static final int MAX_SHIFT = 31;

    /** The stored weights, weight scales (one per output channel, or one for the tensor) and bias, with TFLM's multipliers and clamp. */
    @Override
    public Int8Params prepare(Op stored, TensorSpec in, TensorSpec out) {
        Int8Params p = stored.int8();
        int channels = out.shape().dim(out.shape().rank() - 1);
        float[] weightScales = p.weightScales();
        if (weightScales.length != 1 && weightScales.length != channels) {
            throw new IllegalArgumentException(stored.kind().name() + " with " + channels + " output channels has "
                    + weightScales.length + " weight scales: expected one per channel, or one");
        }
        QuantizedMultiplier[] m = multipliers(weightScales, in.scale(), out.scale(), channels);
        int[] multipliers = new int[m.length];
        int[] shifts = new int[m.length];
        for (int c = 0; c < m.length; c++) {
            if (m[c].shift() > MAX_SHIFT) {
                throw new IllegalArgumentException(stored.kind().name() + " " + stored.name() + ": input scale "
                        + in.scale() + ", weight scale and output scale " + out.scale() + " give a multiplier of 2^"
                        + m[c].shift() + " in channel " + c + ", beyond the int32 arithmetic of TFLM's kernels (at most 2^"
                        + MAX_SHIFT + ")");
            }
            multipliers[c] = m[c].multiplier();
            shifts[c] = m[c].shift();
        }
        int[] range = TflmParams.activationRange(stored.activation(), out.scale(), out.zeroPoint());
        return new Int8Params(p.weights(), weightScales, p.bias(), multipliers, shifts, range[0], range[1], 0);
    }

    /**
     * TFLM's multipliers: per channel, {@code (double) in · (double) w[c] / (double) out}; one
     * weight scale (per tensor) serves every channel the same way.
     */
    QuantizedMultiplier[] multipliers(float[] weightScales, float inScale, float outScale, int channels) {
        QuantizedMultiplier[] m = new QuantizedMultiplier[channels];
        for (int c = 0; c < channels; c++) {
            m[c] = TflmParams.outputMultiplier(inScale, weightScales[weightScales.length == 1 ? 0 : c], outScale);
        }
        return m;
    }

    /** Refuses a dilated convolution: the kernels slide with dilation 1. */
    static void requireDilation1(TfliteOpReader r, int h, int w) {
        if (h != 1 || w != 1) {
            throw r.refused(r.label() + " has dilation " + h + "x" + w + ": only dilation 1 imports");
        }
    }
}
