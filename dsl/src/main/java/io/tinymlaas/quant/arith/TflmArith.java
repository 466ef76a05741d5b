package io.tinymlaas.quant.arith;

/**
 * The integer requantization arithmetic of TensorFlow Lite Micro's default build (double
 * rounding, {@code TFLITE_SINGLE_ROUNDING} undefined), bit for bit. Java's {@code int} and
 * {@code long} wrap as the C code does on two's complement machines, and {@code /} truncates
 * toward zero as C's does, so each function reads like its C counterpart.
 */
public final class TflmArith {
    private static final long TWO_POW_31 = 1L << 31;

    private TflmArith() {
    }

    /** A real multiplier as TFLM stores it: real ≈ multiplier · 2^(shift − 31). */
    public record QuantizedMultiplier(int multiplier, int shift) {
    }

    /**
     * TFLM's QuantizeMultiplier: frexp splits the real value into a fraction in [0.5, 1) and an
     * exponent; the fraction rounded to Q31 may reach 2^31, which is renormalised to 2^30 with the
     * shift one higher; a shift below -31 would shift every bit out, so it is flushed to zero.
     */
    public static QuantizedMultiplier quantizeMultiplier(double realMultiplier) {
        if (realMultiplier == 0.0) {
            return new QuantizedMultiplier(0, 0);
        }
        int shift = frexpExponent(realMultiplier);
        double fraction = Math.scalb(realMultiplier, -shift);
        long qFixed = (long) round(fraction * TWO_POW_31);
        if (qFixed > TWO_POW_31) {
            throw new ArithmeticException("QuantizeMultiplier: " + realMultiplier + " has no Q31 form");
        }
        if (qFixed == TWO_POW_31) {
            qFixed /= 2;
            shift++;
        }
        if (shift < -31) {
            shift = 0;
            qFixed = 0;
        }
        return new QuantizedMultiplier((int) qFixed, shift);
    }

    /** TFLM's QuantizeMultiplierGreaterThanOne: the same, for multipliers known to exceed 1. */
    public static QuantizedMultiplier quantizeMultiplierGreaterThanOne(double realMultiplier) {
        if (!(realMultiplier > 1.0)) {
            throw new IllegalArgumentException("multiplier " + realMultiplier + " must be greater than 1");
        }
        QuantizedMultiplier q = quantizeMultiplier(realMultiplier);
        if (q.shift() < 0) {
            throw new ArithmeticException("multiplier " + realMultiplier + " gave a negative left shift " + q.shift());
        }
        return q;
    }

    /** The exponent e of C's frexp: value = f · 2^e with |f| in [0.5, 1). Value finite, non-zero. */
    static int frexpExponent(double value) {
        // getExponent gives e' with |value| in [2^e', 2^(e'+1)); subnormals report -1023, so scale them up first.
        if (Math.abs(value) < Double.MIN_NORMAL) {
            return Math.getExponent(Math.scalb(value, 64)) + 1 - 64;
        }
        return Math.getExponent(value) + 1;
    }

    /** C's round (TfLiteRound on a double): halves away from zero, unlike Math.round. */
    public static double round(double x) {
        double magnitude = Math.abs(x);
        double whole = Math.floor(magnitude);
        // magnitude - whole is exact, so no "x + 0.5" double rounding can creep in.
        if (magnitude - whole >= 0.5) {
            whole += 1.0;
        }
        return Math.copySign(whole, x);
    }

    /** C's roundf (TfLiteRound on a float): halves away from zero; exact since a double holds every float. */
    public static float round(float x) {
        return (float) round((double) x);
    }

    /**
     * gemmlowp's SaturatingRoundingDoublingHighMul: the high 32 bits of 2·a·b, rounded to
     * nearest with ties away from zero; the one overflowing case, INT32_MIN · INT32_MIN,
     * saturates to INT32_MAX.
     */
    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        if (a == b && a == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        int nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
        return (int) ((ab + nudge) / TWO_POW_31);
    }

    /** gemmlowp's RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero; 0 ≤ exponent ≤ 31. */
    public static int roundingDivideByPOT(int x, int exponent) {
        if (exponent < 0 || exponent > 31) {
            throw new IllegalArgumentException("RoundingDivideByPOT exponent " + exponent + " is outside 0..31");
        }
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /**
     * TFLM's MultiplyByQuantizedMultiplier, double rounding: a positive shift is applied to x
     * first (wrapping as the C code does), then the Q31 product is rounded, then the negative
     * shift is a second rounding division.
     */
    public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
        int leftShift = shift > 0 ? shift : 0;
        int rightShift = shift > 0 ? 0 : -shift;
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
    }

    /**
     * An int32 accumulator to an int8 output as every TFLM int8 kernel ends:
     * MultiplyByQuantizedMultiplier, plus the output zero point, then max with {@code min} and min
     * with {@code max} (the fused activation's clamp).
     */
    public static byte requantize(int acc, int multiplier, int shift, int outputOffset, int min, int max) {
        int q = multiplyByQuantizedMultiplier(acc, multiplier, shift) + outputOffset;
        return (byte) Math.min(Math.max(q, min), max);
    }

    /** TFLM's MultiplyByQuantizedMultiplierGreaterThanOne (softmax input scaling). */
    public static int multiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int leftShift) {
        return saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier);
    }
}
