/* MEAN over height and width, int8 (TFLM reference_ops::QuantizedMeanOrSum): the channel's sum
 * less the input zero point per cell, requantized with 1/(H*W) already folded into the one
 * multiplier, plus the output zero point, clamped to int8. */
#include "tm_kernels.h"
#include "tm_arith.h"

void tm_mean(const tm_op *op, const tm_tensor *in, const int8_t *input,
             const tm_tensor *out, int8_t *output)
{
    const int32_t pixels = (int32_t)(in->dims[0] * in->dims[1]);
    const int32_t channels = (int32_t)in->dims[2];
    int32_t c, p;
    for (c = 0; c < channels; c++) {
        int32_t sum = 0;
        for (p = 0; p < pixels; p++) {
            sum += input[p * channels + c];
        }
        output[c] = tm_requantize(sum - in->zero_point * pixels, op->multipliers[0], op->shifts[0],
                                  out->zero_point, op->activation_min, op->activation_max);
    }
}

/* (H, W, C) in, (C) out: one multiplier, no weights, no bias. */
tm_status tm_mean_check(const tm_op *op, const tm_tensor *in, const tm_tensor *out, tm_op_needs *needs)
{
    (void)op;
    if (in->rank != 3) {
        needs->field = TM_OP_FIELD_INPUT;
        return TM_E_OP_SHAPE;
    }
    if (out->rank != 1 || out->dims[0] != in->dims[2]) {
        needs->field = TM_OP_FIELD_OUTPUT;
        return TM_E_OP_SHAPE;
    }
    needs->dot = (uint64_t)in->dims[0] * in->dims[1];
    needs->channels = 1;
    return TM_OK;
}
