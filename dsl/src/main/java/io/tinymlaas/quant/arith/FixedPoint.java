package io.tinymlaas.quant.arith;

import static io.tinymlaas.quant.arith.TflmArith.roundingDivideByPOT;
import static io.tinymlaas.quant.arith.TflmArith.saturatingRoundingDoublingHighMul;

/**
 * gemmlowp's 32-bit fixed-point math as TFLM's int8 softmax uses it. A value with I integer
 * bits is a raw {@code int} r meaning r · 2^(I − 31); the product of values with I and J
 * integer bits has I + J integer bits and raw SaturatingRoundingDoublingHighMul(a, b); sums are
 * plain (wrapping) raw sums. Methods take and return raws and name the integer bits they mean.
 */
public final class FixedPoint {
    /** exp(-1/8) with 0 integer bits. */
    private static final int EXP_MINUS_ONE_EIGHTH = 1895147668;
    /** 1/3 with 0 integer bits. */
    private static final int ONE_THIRD = 715827883;
    /** exp(-2^k) with 0 integer bits for k = -2 .. 4: the barrel shifter of exp_on_negative_values. */
    private static final int[] EXP_OF_MINUS_POWER_OF_TWO = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
    private static final int FIRST_POWER = -2;
    /** 48/17 and -32/17 with 2 integer bits: Newton-Raphson's starting point for 1/x on [1, 2). */
    private static final int FORTY_EIGHT_OVER_SEVENTEEN = 1515870810;
    private static final int MINUS_THIRTY_TWO_OVER_SEVENTEEN = -1010580540;

    private FixedPoint() {
    }

    /** The raw of 1.0 with the given integer bits; with none, 1.0 is out of range and the largest value stands in. */
    public static int one(int integerBits) {
        return integerBits == 0 ? Integer.MAX_VALUE : 1 << (31 - integerBits);
    }

    /** gemmlowp's SaturatingRoundingMultiplyByPOT: x · 2^exponent, saturating up, rounding down. */
    public static int saturatingRoundingMultiplyByPOT(int x, int exponent) {
        if (exponent <= 0) {
            return roundingDivideByPOT(x, -exponent);
        }
        int threshold = (1 << (31 - exponent)) - 1;
        if (x > threshold) {
            return Integer.MAX_VALUE;
        }
        if (x < -threshold) {
            return Integer.MIN_VALUE;
        }
        return x << exponent;
    }

    /** gemmlowp's Rescale: the same real value with other integer bits. */
    public static int rescale(int raw, int fromIntegerBits, int toIntegerBits) {
        return saturatingRoundingMultiplyByPOT(raw, fromIntegerBits - toIntegerBits);
    }

    /** gemmlowp's RoundingHalfSum: (a + b) / 2 rounded half away from zero, without overflow. */
    public static int roundingHalfSum(int a, int b) {
        long sum = (long) a + (long) b;
        long sign = sum >= 0 ? 1 : -1;
        return (int) ((sum + sign) / 2);
    }

    /** exp(a) for a in [-1/4, 0), 0 integer bits in and out: a Taylor expansion around -1/8. */
    public static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
        int x = a + (1 << 28); // a + 1/8
        int x2 = saturatingRoundingDoublingHighMul(x, x);
        int x3 = saturatingRoundingDoublingHighMul(x2, x);
        int x4 = saturatingRoundingDoublingHighMul(x2, x2);
        int x4Over4 = saturatingRoundingMultiplyByPOT(x4, -2);
        int x4Over24PlusX3Over6PlusX2Over2 = saturatingRoundingMultiplyByPOT(
                saturatingRoundingDoublingHighMul(x4Over4 + x3, ONE_THIRD) + x2, -1);
        return EXP_MINUS_ONE_EIGHTH
                + saturatingRoundingDoublingHighMul(EXP_MINUS_ONE_EIGHTH, x + x4Over24PlusX3Over6PlusX2Over2);
    }

    /**
     * exp(a) for a ≤ 0 with {@code integerBits} integer bits, result with 0 integer bits:
     * exp of a's part in [-1/4, 0), then one multiplication by exp(-2^k) for every bit k set
     * in the rest; exp(0) is exactly the largest value.
     */
    public static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = 1 << (fractionalBits - 2);
        int aModQuarterMinusOneQuarter = (a & (oneQuarter - 1)) - oneQuarter;
        int result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(rescale(aModQuarterMinusOneQuarter, integerBits, 0));
        int remainder = aModQuarterMinusOneQuarter - a;
        for (int i = 0; i < EXP_OF_MINUS_POWER_OF_TWO.length; i++) {
            int power = FIRST_POWER + i;
            if (integerBits > power && (remainder & (1 << (fractionalBits + power))) != 0) {
                result = saturatingRoundingDoublingHighMul(result, EXP_OF_MINUS_POWER_OF_TWO[i]);
            }
        }
        // Below -32 the barrel shifter has no bits left; exp is zero at this precision.
        if (integerBits > 5 && a < -(1 << (36 - integerBits))) {
            result = 0;
        }
        return a == 0 ? one(0) : result;
    }

    /** 1 / (1 + a) for a in [0, 1), 0 integer bits in and out: three Newton-Raphson steps. */
    public static int oneOverOnePlusXForXIn0To1(int a) {
        int halfDenominator = roundingHalfSum(a, one(0));
        int x = FORTY_EIGHT_OVER_SEVENTEEN + saturatingRoundingDoublingHighMul(halfDenominator, MINUS_THIRTY_TWO_OVER_SEVENTEEN);
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = saturatingRoundingDoublingHighMul(halfDenominator, x);
            int oneMinusHalfDenominatorTimesX = one(2) - halfDenominatorTimesX;
            x = x + rescale(saturatingRoundingDoublingHighMul(x, oneMinusHalfDenominatorTimesX), 4, 2);
        }
        // x ≈ 1/half_denominator = 2/(1 + a) with 2 integer bits; the same raw read with 1 integer bit is 1/(1 + a).
        return rescale(x, 1, 0);
    }
}
