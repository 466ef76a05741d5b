package io.tinymlaas.quant;

import io.tinymlaas.quant.arith.FixedPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** gemmlowp's fixed-point exp and reciprocal stay within their precision of the real functions. */
class FixedPointTest {
    private static final double Q31 = Math.scalb(1.0, 31);
    private final Random random = new Random(7);

    @Test
    void expOnNegativeValuesTracksExpWithFiveIntegerBits() {
        assertEquals(Integer.MAX_VALUE, FixedPoint.expOnNegativeValues(0, 5));
        for (int i = 0; i < 20_000; i++) {
            int a = -random.nextInt(Integer.MAX_VALUE);
            double real = a / Math.scalb(1.0, 26);
            double fixed = FixedPoint.expOnNegativeValues(a, 5) / Q31;
            assertTrue(Math.abs(fixed - Math.exp(real)) < 3e-7, "exp(" + real + ") = " + Math.exp(real) + ", got " + fixed);
        }
    }

    @Test
    void expBelowMinus32IsZeroWithMoreIntegerBits() {
        int minus40 = -40 << 25; // 6 integer bits: 25 fractional bits
        assertEquals(0, FixedPoint.expOnNegativeValues(minus40, 6));
        double fixed = FixedPoint.expOnNegativeValues(-3 << 25, 6) / Q31;
        assertEquals(Math.exp(-3), fixed, 3e-7);
    }

    @Test
    void oneOverOnePlusXTracksTheReciprocal() {
        for (int i = 0; i < 20_000; i++) {
            int a = random.nextInt(Integer.MAX_VALUE);
            double x = a / Q31;
            double fixed = FixedPoint.oneOverOnePlusXForXIn0To1(a) / Q31;
            assertTrue(Math.abs(fixed - 1 / (1 + x)) < 1e-8, "1/(1+" + x + ") got " + fixed);
        }
    }

    @Test
    void saturatingMultiplyByPowerOfTwoSaturatesBothWays() {
        assertEquals(Integer.MAX_VALUE, FixedPoint.saturatingRoundingMultiplyByPOT(1 << 27, 5));
        assertEquals(Integer.MIN_VALUE, FixedPoint.saturatingRoundingMultiplyByPOT(-(1 << 27), 5));
        assertEquals(96, FixedPoint.saturatingRoundingMultiplyByPOT(3, 5));
        assertEquals(-2, FixedPoint.saturatingRoundingMultiplyByPOT(-3, -1));
        assertEquals(-2, FixedPoint.roundingHalfSum(-1, -2));
        assertEquals(Integer.MAX_VALUE, FixedPoint.roundingHalfSum(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }
}
