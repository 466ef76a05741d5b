/*
 * TFLM's integer arithmetic (gemmlowp fixed point, double-rounding requantization), spelled
 * out without undefined behaviour: where TFLM relies on int32 wrap-around we wrap explicitly.
 */
#ifndef TM_ARITH_H
#define TM_ARITH_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Two's complement wrap of an unsigned 32-bit value into int32 (what Java's int does). */
int32_t tm_wrap32(uint32_t value);

/* a + b with int32 wrap-around. */
int32_t tm_add_wrap(int32_t a, int32_t b);

/* Arithmetic right shift (rounds toward minus infinity), 0 <= n <= 31. */
int32_t tm_shift_right(int32_t x, int n);

/* gemmlowp::SaturatingRoundingDoublingHighMul. */
int32_t tm_srdhm(int32_t a, int32_t b);

/* gemmlowp::RoundingDivideByPOT, 0 <= exponent <= 31: x / 2^exponent rounded half away from 0. */
int32_t tm_rounding_divide_by_pot(int32_t x, int exponent);

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
