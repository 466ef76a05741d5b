package io.tinymlaas.ops;

import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;
import io.tinymlaas.quant.arith.TflmArith;

/**
 * The op parameters TFLM derives from tensor scales when it prepares a kernel, computed with the
 * same float and double promotions, so that the numbers in an {@link io.tinymlaas.graph.Int8Params} are the numbers
 * TFLM would compute for the same .tflite model.
 */
public final class TflmParams {
    private TflmParams() {
    }

    /**
     * Conv, depthwise and per-channel fully connected: every scale promoted to double before
     * the product, {@code (double) in · (double) w / (double) out}, then QuantizeMultiplier.
     */
    public static QuantizedMultiplier outputMultiplier(float inputScale, float weightScale, float outputScale) {
        double effective = (double) inputScale * (double) weightScale / (double) outputScale;
        return TflmArith.quantizeMultiplier(effective);
    }

    /** TFLM's Quantize in kernel_util: zp + round(value / scale), the division and rounding in float. */
    public static int quantize(float value, float scale, int zeroPoint) {
        float q = TflmArith.round(value / scale);
        if (!(q >= (float) Integer.MIN_VALUE && q <= (float) Integer.MAX_VALUE)) {
            throw new ArithmeticException(value + " / scale " + scale + " does not fit an int32");
        }
        return zeroPoint + (int) q;
    }

    /** TFLM's CalculateActivationRangeQuantized for an int8 output of this scale and zero point: {min, max}. */
    public static int[] activationRange(FusedActivation activation, float scale, int zeroPoint) {
        int min = -128;
        int max = 127;
        return switch (activation) {
            case NONE -> new int[] {min, max};
            case RELU -> new int[] {Math.max(min, quantize(0.0f, scale, zeroPoint)), max};
            case RELU6 -> new int[] {Math.max(min, quantize(0.0f, scale, zeroPoint)),
                    Math.min(max, quantize(6.0f, scale, zeroPoint))};
        };
    }

    /**
     * TFLM's ComputeOutSize (dilation 1): SAME ⌈in / stride⌉, VALID (in + stride − filter) / stride,
     * which is 0 when the filter does not fit.
     */
    public static int outSize(boolean same, int inSize, int filterSize, int stride) {
        return same ? (inSize + stride - 1) / stride : (inSize + stride - filterSize) / stride;
    }

    /**
     * TFLM's ComputePadding for SAME (dilation 1): half the total padding, rounded down, which is
     * the top/left offset; the extra row or column of an odd total goes to the bottom/right.
     */
    public static int samePadding(int stride, int inSize, int filterSize, int outSize) {
        int padding = ((outSize - 1) * stride + filterSize - inSize) / 2;
        return Math.max(padding, 0);
    }
}
