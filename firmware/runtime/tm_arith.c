/* Integer arithmetic of TFLM / gemmlowp; see tm_arith.h. */
#include "tm_arith.h"

int32_t tm_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift)
{
    const int left_shift = shift > 0 ? shift : 0;
    const int right_shift = shift > 0 ? 0 : -shift;
    const int32_t shifted = tm_wrap32((uint32_t)x << left_shift);
    return tm_rounding_divide_by_pot(tm_srdhm(shifted, multiplier), right_shift);
}

int8_t tm_requantize(int32_t acc, int32_t multiplier, int shift, int32_t output_offset,
                     int32_t activation_min, int32_t activation_max)
{
    int32_t value = tm_multiply_by_quantized_multiplier(acc, multiplier, shift);
    value = tm_add_wrap(value, output_offset);
    if (value < activation_min) {
        value = activation_min;
    }
    if (value > activation_max) {
        value = activation_max;
    }
    return (int8_t)value;
}

/* gemmlowp SaturatingRoundingMultiplyByPOT for a positive exponent: x * 2^n, saturated. */
static int32_t saturating_shift_left(int32_t x, int n)
{
    const int32_t threshold = (int32_t)(((uint32_t)1 << (31 - n)) - 1u);
    if (x > threshold) {
        return INT32_MAX;
    }
    if (x < -threshold) {
        return INT32_MIN;
    }
    return tm_wrap32((uint32_t)x << n);
}

/* exp(a) for a in [-1/4, 0), Q0.31 in and out: Taylor series around -1/8. */
static int32_t exp_on_interval_between_negative_one_quarter_and_0_excl(int32_t a)
{
    const int32_t constant_term = 1895147668;     /* exp(-1/8) */
    const int32_t constant_1_over_3 = 715827883;
    const int32_t x = tm_add_wrap(a, (int32_t)1 << 28); /* a + 1/8 */
    const int32_t x2 = tm_srdhm(x, x);
    const int32_t x3 = tm_srdhm(x2, x);
    const int32_t x4 = tm_srdhm(x2, x2);
    const int32_t x4_over_4 = tm_rounding_divide_by_pot(x4, 2);
    const int32_t sum = tm_add_wrap(tm_srdhm(tm_add_wrap(x4_over_4, x3), constant_1_over_3), x2);
    const int32_t x4_over_24_plus_x3_over_6_plus_x2_over_2 = tm_rounding_divide_by_pot(sum, 1);
    return tm_add_wrap(constant_term,
                       tm_srdhm(constant_term, tm_add_wrap(x, x4_over_24_plus_x3_over_6_plus_x2_over_2)));
}

int32_t tm_exp_on_negative_values(int32_t a_q5_26)
{
    /* exp(-2^k) in Q0.31 for k = -2 .. 4: applied for every bit set in the whole part */
    static const int32_t exp_of_minus_power_of_two[7] = {
        1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242
    };
    const int fractional_bits = 26;
    const int32_t one_quarter = (int32_t)1 << (fractional_bits - 2);
    const int32_t a_mod_quarter_minus_one_quarter = (a_q5_26 & (one_quarter - 1)) - one_quarter;
    const int32_t remainder = tm_wrap32((uint32_t)a_mod_quarter_minus_one_quarter - (uint32_t)a_q5_26);
    int32_t result = exp_on_interval_between_negative_one_quarter_and_0_excl(
        saturating_shift_left(a_mod_quarter_minus_one_quarter, 5)); /* Q5.26 -> Q0.31 */
    int k;
    for (k = 0; k < 7; k++) {
        const int32_t bit = (int32_t)1 << (fractional_bits - 2 + k);
        if (remainder & bit) {
            result = tm_srdhm(result, exp_of_minus_power_of_two[k]);
        }
    }
    if (a_q5_26 == 0) {
        result = INT32_MAX; /* exactly one */
    }
    return result;
}

int32_t tm_one_over_one_plus_x(int32_t x_q0_31)
{
    const int32_t constant_48_over_17 = 1515870810;      /* Q2.29 */
    const int32_t constant_neg_32_over_17 = -1010580540; /* Q2.29 */
    const int32_t one_q2_29 = (int32_t)1 << 29;
    const int64_t sum = (int64_t)x_q0_31 + INT32_MAX;
    /* RoundingHalfSum(x, 1): (x + 1) / 2 in Q0.31 */
    const int32_t half_denominator = (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
    int32_t x = tm_add_wrap(constant_48_over_17, tm_srdhm(half_denominator, constant_neg_32_over_17));
    int i;
    /* Newton-Raphson: x <- x + x * (1 - half_denominator * x) */
    for (i = 0; i < 3; i++) {
        const int32_t half_denominator_times_x = tm_srdhm(half_denominator, x);
        const int32_t one_minus_half_denominator_times_x = tm_wrap32((uint32_t)one_q2_29 - (uint32_t)half_denominator_times_x);
        x = tm_add_wrap(x, saturating_shift_left(tm_srdhm(x, one_minus_half_denominator_times_x), 2));
    }
    /* x / 2 as Q1.30 has x's raw bits; rescale to Q0.31 */
    return saturating_shift_left(x, 1);
}
