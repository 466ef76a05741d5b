/* DEPTHWISE_CONV_2D, per-channel int8, depth multiplier 1
 * (TFLM reference_integer_ops::DepthwiseConvPerChannel, dilation 1). */
#include "tm_kernels.h"
#include "tm_arith.h"

void tm_depthwise_conv2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
                         const tm_tensor *out, int8_t *output)
{
    const int32_t in_h = (int32_t)in->dims[0];
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t channels = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    const int32_t input_offset = -in->zero_point;
    const int32_t output_offset = out->zero_point;
    int32_t oy, ox, c, ky, kx;

    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const int32_t in_y_origin = oy * op->stride_h - op->pad_top;
            const int32_t in_x_origin = ox * op->stride_w - op->pad_left;
            for (c = 0; c < channels; c++) {
                int32_t acc = 0;
                for (ky = 0; ky < op->kernel_h; ky++) {
                    const int32_t in_y = in_y_origin + ky;
                    if (in_y < 0 || in_y >= in_h) {
                        continue;
                    }
                    for (kx = 0; kx < op->kernel_w; kx++) {
                        const int32_t in_x = in_x_origin + kx;
                        int32_t value;
                        int32_t weight;
                        if (in_x < 0 || in_x >= in_w) {
                            continue;
                        }
                        value = input[(in_y * in_w + in_x) * channels + c];
                        weight = op->weights[(ky * op->kernel_w + kx) * channels + c];
                        acc += weight * (value + input_offset);
                    }
                }
                if (op->bias_count > 0) {
                    acc = tm_add_wrap(acc, op->bias[c]);
                }
                output[(oy * out_w + ox) * channels + c] =
                    tm_requantize(acc, op->multipliers[c], op->shifts[c], output_offset,
                                  op->activation_min, op->activation_max);
            }
        }
    }
}

/* Filter 1HWC, one channel out per channel in. */
tm_status tm_depthwise_conv2d_check(const tm_op *op, const tm_tensor *in, const tm_tensor *out,
                                    tm_op_needs *needs)
{
    if (out->dims[2] != in->dims[2]) {
        needs->field = TM_OP_FIELD_OUTPUT;
        return TM_E_OP_SHAPE;
    }
    needs->dot = (uint64_t)op->kernel_h * op->kernel_w;
    needs->weights = needs->dot * in->dims[2];
    needs->channels = in->dims[2];
    needs->bias_allowed = 1;
    return TM_OK;
}
