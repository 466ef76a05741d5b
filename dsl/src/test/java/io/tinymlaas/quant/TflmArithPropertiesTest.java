package io.tinymlaas.quant;

import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;
import io.tinymlaas.quant.arith.TflmArith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitives checked against exact arithmetic (longs, BigDecimal) on random inputs. */
class TflmArithPropertiesTest {
    private static final int N = 20_000;
    private final Random random = new Random(20261125);

    @Test
    void doublingHighMulIsTheProductOver2Pow31RoundedHalfUpAndSaturatesOnlyAtMinTimesMin() {
        assertEquals(Integer.MAX_VALUE, TflmArith.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(Integer.MIN_VALUE + 1, TflmArith.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MAX_VALUE));
        for (int i = 0; i < N; i++) {
            int a = random.nextInt();
            int b = i % 4 == 0 ? Integer.MIN_VALUE : random.nextInt();
            long exact = Math.floorDiv((long) a * b + (1L << 30), 1L << 31);
            assertEquals(exact, TflmArith.saturatingRoundingDoublingHighMul(a, b), a + " * " + b);
            assertEquals(TflmArith.saturatingRoundingDoublingHighMul(a, b), TflmArith.saturatingRoundingDoublingHighMul(b, a));
        }
    }

    @Test
    void roundingDivideByPowerOfTwoRoundsHalfAwayFromZeroForEveryExponent() {
        for (int i = 0; i < N; i++) {
            int x = i % 3 == 0 ? random.nextInt(2001) - 1000 : random.nextInt();
            int e = random.nextInt(32);
            long expected = roundHalfAway(BigDecimal.valueOf(x).divide(BigDecimal.valueOf(1L << e)));
            assertEquals(expected, TflmArith.roundingDivideByPOT(x, e), x + " / 2^" + e);
        }
        assertThrows(IllegalArgumentException.class, () -> TflmArith.roundingDivideByPOT(5, 32));
        assertThrows(IllegalArgumentException.class, () -> TflmArith.roundingDivideByPOT(5, -1));
    }

    @Test
    void requantizationIsWithinOneOfTheExactProductForShiftsMinus31To30() {
        for (int i = 0; i < N; i++) {
            int shift = -31 + random.nextInt(62);
            int multiplier = (1 << 30) + random.nextInt(1 << 30);
            // Keep x · 2^shift inside int32, as a valid model does.
            int bound = shift > 0 ? Integer.MAX_VALUE >> shift : Integer.MAX_VALUE;
            int x = random.nextInt(bound) * (random.nextBoolean() ? -1 : 1);
            BigDecimal exact = new BigDecimal(BigInteger.valueOf((long) x * multiplier))
                    .multiply(BigDecimal.valueOf(2).pow(shift + 33, MathContext.UNLIMITED))
                    .divide(BigDecimal.valueOf(2).pow(64));
            int actual = TflmArith.multiplyByQuantizedMultiplier(x, multiplier, shift);
            assertTrue(exact.subtract(BigDecimal.valueOf(actual)).abs().compareTo(BigDecimal.ONE) <= 0,
                    x + " * " + multiplier + " * 2^(" + shift + "-31) = " + exact + " but got " + actual);
        }
    }

    @Test
    void requantizationOfNegativesRoundsTwiceAsTflmDoes() {
        // -3 · 2^30 · 2^-33 = -0.375: the high mul rounds -1.5 up to -1, the division by 4 then rounds -0.25 to 0.
        assertEquals(0, TflmArith.multiplyByQuantizedMultiplier(-3, 1 << 30, -2));
        assertEquals(1, TflmArith.multiplyByQuantizedMultiplier(3, 1 << 30, -2));
        assertEquals(-25, TflmArith.multiplyByQuantizedMultiplier(-100, 1 << 30, -1));
    }

    @Test
    void quantizedMultiplierIsTheNearestQ31ValueOrFlushedToZero() {
        for (int i = 0; i < N; i++) {
            double m = Math.scalb(0.5 + random.nextDouble() * 0.5, random.nextInt(80) - 50);
            QuantizedMultiplier q = TflmArith.quantizeMultiplier(m);
            if (m < Math.scalb(1.0, -32)) {
                assertEquals(new QuantizedMultiplier(0, 0), q, "flushed: " + m);
                continue;
            }
            assertTrue(q.multiplier() >= 1 << 30, "normalised Q31: " + q);
            double halfStep = Math.scalb(1.0, q.shift() - 32);
            double value = Math.scalb((double) q.multiplier(), q.shift() - 31);
            assertTrue(Math.abs(value - m) <= halfStep, m + " -> " + q);
        }
    }

    @Test
    void quantizedMultiplierRenormalisesWhenTheFractionRoundsTo2Pow31() {
        double justBelowOne = Math.nextDown(1.0);
        assertEquals(new QuantizedMultiplier(1 << 30, 1), TflmArith.quantizeMultiplier(justBelowOne));
        assertEquals(new QuantizedMultiplier(1 << 30, -30), TflmArith.quantizeMultiplier(Math.scalb(justBelowOne, -31)));
        assertEquals(new QuantizedMultiplier(0, 0), TflmArith.quantizeMultiplier(Math.scalb(1.0, -33)));
        assertEquals(new QuantizedMultiplier(-(1 << 30), 2), TflmArith.quantizeMultiplier(-2.0));
        assertEquals(new QuantizedMultiplier(0, 0), TflmArith.quantizeMultiplier(Double.MIN_VALUE));
        assertEquals(new QuantizedMultiplier(0, 0), TflmArith.quantizeMultiplier(0.0));
    }

    @Test
    void cRoundingGoesHalfAwayFromZero() {
        assertEquals(-3.0, TflmArith.round(-2.5));
        assertEquals(3.0, TflmArith.round(2.5));
        assertEquals(0.0, TflmArith.round(0.49999999999999994));
        assertEquals(-2.0f, TflmArith.round(-1.5f));
        assertEquals(0.0f, TflmArith.round(0.49999997f));
    }

    private static long roundHalfAway(BigDecimal v) {
        return v.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
