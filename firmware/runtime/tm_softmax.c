/* SOFTMAX int8 in, int8 out with scale 1/256 and zero point -128
 * (TFLM reference_ops::Softmax with gemmlowp fixed point), rows over the last dimension. */
#include "tm_kernels.h"
#include "tm_arith.h"

/* The exponentials' input is Q5.26; their sum is accumulated as Q12.19. */
enum { ACCUMULATION_INTEGER_BITS = 12 };

/* Rows up to this long (a 10-class classifier's) keep each exponential from the first pass for the second,
 * on the stack (below the deepest kernel's stack in both kernel sets); longer rows compute them
 * again, as TFLM does. */
enum { CACHED_EXPS = 10 };

static int count_leading_zeros(uint32_t x)
{
#if defined(__GNUC__)
    return x == 0 ? 32 : __builtin_clz(x); /* one CLZ instruction on Arm */
#else
    int n = 0;
    if (x == 0) {
        return 32;
    }
    while ((x & 0x80000000u) == 0) {
        x <<= 1;
        n++;
    }
    return n;
#endif
}

/* input_diff * input_multiplier * 2^left_shift as Q5.26 (MultiplyByQuantizedMultiplierGreaterThanOne) */
static int32_t scaled_diff(int32_t input_diff, int32_t multiplier, int left_shift)
{
    return tm_srdhm(tm_wrap32((uint32_t)input_diff << left_shift), multiplier);
}

void tm_softmax(const tm_op *op, const tm_tensor *in, const int8_t *input,
                const tm_tensor *out, int8_t *output)
{
    const int32_t depth = (int32_t)in->dims[in->rank - 1];
    const int32_t rows = (int32_t)in->bytes / depth;
    const int32_t multiplier = op->multipliers[0];
    const int left_shift = (int)op->shifts[0];
    int32_t row, c;
    (void)out;

    for (row = 0; row < rows; row++) {
        const int8_t *x = input + row * depth;
        int8_t *y = output + row * depth;
        int32_t exps[CACHED_EXPS];
        const int cached = depth <= CACHED_EXPS;
        int32_t max_in_row = -128;
        int32_t sum_of_exps = 0;
        int headroom_plus_one;
        int num_bits_over_unit;
        int32_t shifted_sum_minus_one;
        int32_t shifted_scale;

        for (c = 0; c < depth; c++) {
            if (x[c] > max_in_row) {
                max_in_row = x[c];
            }
        }
        for (c = 0; c < depth; c++) {
            const int32_t input_diff = x[c] - max_in_row;
            if (input_diff >= op->diff_min) {
                const int32_t exp_q0_31 = tm_exp_on_negative_values(scaled_diff(input_diff, multiplier, left_shift));
                if (cached) {
                    exps[c] = exp_q0_31;
                }
                /* Q0.31 -> Q12.19 */
                sum_of_exps = tm_add_wrap(sum_of_exps, tm_rounding_divide_by_pot(
                    exp_q0_31, ACCUMULATION_INTEGER_BITS));
            }
        }
        /* 1 / sum_of_exps as a Q0.31 scale and a power of two (TFLM GetReciprocal). The row's
         * maximum adds exp(0), and rows are at most TM_MAX_SOFTMAX_DEPTH long, so
         * 2^19 <= sum_of_exps < 2^28: the shifts below stay within 0..31. */
        headroom_plus_one = count_leading_zeros((uint32_t)sum_of_exps);
        num_bits_over_unit = ACCUMULATION_INTEGER_BITS - headroom_plus_one;
        shifted_sum_minus_one = tm_wrap32(((uint32_t)sum_of_exps << headroom_plus_one) - 0x80000000u);
        shifted_scale = tm_one_over_one_plus_x(shifted_sum_minus_one);

        for (c = 0; c < depth; c++) {
            const int32_t input_diff = x[c] - max_in_row;
            if (input_diff >= op->diff_min) {
                const int32_t exp_q0_31 = cached ? exps[c]
                    : tm_exp_on_negative_values(scaled_diff(input_diff, multiplier, left_shift));
                const int32_t unsat_output = tm_rounding_divide_by_pot(
                    tm_srdhm(shifted_scale, exp_q0_31), num_bits_over_unit + 31 - 8);
                int32_t shifted_output = unsat_output - 128;
                if (shifted_output < -128) {
                    shifted_output = -128;
                }
                if (shifted_output > 127) {
                    shifted_output = 127;
                }
                y[c] = (int8_t)shifted_output;
            } else {
                y[c] = -128;
            }
        }
    }
}

/* Over the last dimension, at most TM_MAX_SOFTMAX_DEPTH long: one input multiplier. */
tm_status tm_softmax_check(const tm_op *op, const tm_tensor *in, const tm_tensor *out, tm_op_needs *needs)
{
    (void)op;
    if (out->rank != in->rank || out->bytes != in->bytes
        || out->dims[out->rank - 1] != in->dims[in->rank - 1]
        || in->dims[in->rank - 1] > TM_MAX_SOFTMAX_DEPTH) {
        needs->field = TM_OP_FIELD_OUTPUT;
        return TM_E_OP_SHAPE;
    }
    needs->channels = 1;
    return TM_OK;
}
