/*
 * TFLM's integer arithmetic (gemmlowp fixed point, double-rounding requantization), spelled
 * out without undefined behaviour: where TFLM relies on int32 wrap-around we wrap explicitly.
 * The small steps are inline here (the softmax calls them for every element); the rest is in
 * tm_arith.c.
 */
#ifndef TM_ARITH_H
#define TM_ARITH_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Two's complement wrap of an unsigned 32-bit value into int32 (what Java's int does). */
static inline int32_t tm_wrap32(uint32_t value)
{
    if (value <= 0x7FFFFFFFu) {
        return (int32_t)value;
    }
    /* value - 2^32, computed without leaving the int32 range */
    return -(int32_t)(0xFFFFFFFFu - value) - 1;
}

/* a + b with int32 wrap-around. */
static inline int32_t tm_add_wrap(int32_t a, int32_t b)
{
    return tm_wrap32((uint32_t)a + (uint32_t)b);
}

/* Arithmetic right shift (rounds toward minus infinity), 0 <= n <= 31. */
static inline int32_t tm_shift_right(int32_t x, int n)
{
    if (x >= 0) {
        return x >> n;
    }
    /* -1 - x is >= 0, so this shifts only non-negative values */
    return -1 - ((-1 - x) >> n);
}

/* gemmlowp::SaturatingRoundingDoublingHighMul. */
static inline int32_t tm_srdhm(int32_t a, int32_t b)
{
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX; /* the one product that does not fit */
    }
    /* gemmlowp adds 2^30 to a*b (1 - 2^30 when a*b < 0) and truncates the quotient by 2^31 toward
     * zero: both are floor((a*b + 2^30) / 2^31). 2^62 added first keeps the shifted value
     * non-negative (no shift of a negative number), and is taken off after: a multiply, an add
     * and a shift, where a 64-bit division by a variable sign took a dozen instructions. */
    return (int32_t)((((int64_t)a * b + ((int64_t)1 << 30) + ((int64_t)1 << 62)) >> 31) - ((int64_t)1 << 31));
}

/* gemmlowp::RoundingDivideByPOT, 0 <= exponent <= 31: x / 2^exponent rounded half away from 0. */
static inline int32_t tm_rounding_divide_by_pot(int32_t x, int exponent)
{
    const int32_t mask = (int32_t)(((uint32_t)1 << exponent) - 1u);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return tm_shift_right(x, exponent) + (remainder > threshold ? 1 : 0);
}

/* TFLM MultiplyByQuantizedMultiplier, double rounding; -31 <= shift <= 31. */
int32_t tm_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift);

/* Requantize an accumulator: MultiplyByQuantizedMultiplier, add the output zero point, clamp. */
int8_t tm_requantize(int32_t acc, int32_t multiplier, int shift, int32_t output_offset,
                     int32_t activation_min, int32_t activation_max);

/* gemmlowp exp_on_negative_values for a Q5.26 input, result Q0.31. */
int32_t tm_exp_on_negative_values(int32_t a_q5_26);

/* gemmlowp one_over_one_plus_x_for_x_in_0_1, Q0.31 in and out. */
int32_t tm_one_over_one_plus_x(int32_t x_q0_31);

#ifdef __cplusplus
}
#endif

#endif
