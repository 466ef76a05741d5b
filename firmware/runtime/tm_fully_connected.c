/* FULLY_CONNECTED int8 (TFLM reference_integer_ops::FullyConnected, weight zero point 0),
 * per output channel or, with one multiplier, per tensor. */
#include "tm_kernels.h"
#include "tm_arith.h"

void tm_fully_connected(const tm_op *op, const tm_tensor *in, const int8_t *input,
                        const tm_tensor *out, int8_t *output)
{
    const int32_t depth = (int32_t)in->bytes;
    const int32_t units = (int32_t)out->bytes;
    const int32_t input_offset = -in->zero_point;
    const int32_t output_offset = out->zero_point;
    int32_t n, k;

    for (n = 0; n < units; n++) {
        const int8_t *row = op->weights + n * depth;
        const uint32_t q = op->multipliers_count == 1 ? 0u : (uint32_t)n;
        int32_t acc = 0;
        for (k = 0; k < depth; k++) {
            acc += (int32_t)row[k] * ((int32_t)input[k] + input_offset);
        }
        if (op->bias_count > 0) {
            acc = tm_add_wrap(acc, op->bias[n]);
        }
        output[n] = tm_requantize(acc, op->multipliers[q], op->shifts[q], output_offset,
                                  op->activation_min, op->activation_max);
    }
}

/* Weights [out][in] over the whole input: per output channel or one multiplier for all. */
tm_status tm_fully_connected_check(const tm_op *op, const tm_tensor *in, const tm_tensor *out,
                                   tm_op_needs *needs)
{
    (void)op;
    needs->dot = in->bytes;
    needs->weights = needs->dot * out->bytes;
    needs->channels = out->bytes;
    needs->bias_allowed = 1;
    needs->per_tensor_allowed = 1;
    return TM_OK;
}
