package io.tinymlaas.quant.arith;

import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;

/**
 * The parameters of TFLM's int8 softmax: input differences (q − max) are rescaled by
 * {@code inputMultiplier · 2^inputLeftShift} into fixed point with 5 integer bits, and
 * differences below {@code diffMin} contribute nothing.
 */
public record SoftmaxScaling(int inputMultiplier, int inputLeftShift, int diffMin) {
    /** Integer bits of the rescaled input difference (TFLM's kScaledDiffIntegerBits). */
    public static final int SCALED_DIFF_INTEGER_BITS = 5;

    /** PreprocessSoftmaxScaling then CalculateInputRadius, as TFLM's SoftmaxPrepare calls them for int8. */
    public static SoftmaxScaling of(float inputScale, float beta) {
        double maxRealMultiplier = (double) ((1L << 31) - 1);
        double real = Math.min((double) beta * (double) inputScale * (double) (1 << (31 - SCALED_DIFF_INTEGER_BITS)),
                maxRealMultiplier);
        QuantizedMultiplier q = TflmArith.quantizeMultiplierGreaterThanOne(real);
        return new SoftmaxScaling(q.multiplier(), q.shift(), -inputRadius(SCALED_DIFF_INTEGER_BITS, q.shift()));
    }

    /** CalculateInputRadius with 31 signed bits: the largest rescaled difference, in input units, floored. */
    static int inputRadius(int integerBits, int leftShift) {
        double maxInputRescaled = 1.0 * ((1 << integerBits) - 1) * (double) (1L << (31 - integerBits))
                / (double) (1L << leftShift);
        return (int) Math.floor(maxInputRescaled);
    }
}
