/* CONV_2D, per-channel int8 (TFLM reference_integer_ops::ConvPerChannel, dilation 1). */
#include "tm_kernels.h"
#include "tm_arith.h"

void tm_conv2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
               const tm_tensor *out, int8_t *output)
{
    const int32_t in_h = (int32_t)in->dims[0];
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t in_c = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    const int32_t out_c = (int32_t)out->dims[2];
    const int32_t input_offset = -in->zero_point;
    const int32_t output_offset = out->zero_point;
    int32_t oy, ox, oc, ky, kx, ic;

    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const int32_t in_y_origin = oy * op->stride_h - op->pad_top;
            const int32_t in_x_origin = ox * op->stride_w - op->pad_left;
            for (oc = 0; oc < out_c; oc++) {
                int32_t acc = 0;
                for (ky = 0; ky < op->kernel_h; ky++) {
                    const int32_t in_y = in_y_origin + ky;
                    if (in_y < 0 || in_y >= in_h) {
                        continue;
                    }
                    for (kx = 0; kx < op->kernel_w; kx++) {
                        const int32_t in_x = in_x_origin + kx;
                        const int8_t *pixel;
                        const int8_t *filter;
                        if (in_x < 0 || in_x >= in_w) {
                            continue;
                        }
                        pixel = input + (in_y * in_w + in_x) * in_c;
                        filter = op->weights + ((oc * op->kernel_h + ky) * op->kernel_w + kx) * in_c;
                        for (ic = 0; ic < in_c; ic++) {
                            acc += (int32_t)filter[ic] * ((int32_t)pixel[ic] + input_offset);
                        }
                    }
                }
                if (op->bias_count > 0) {
                    acc = tm_add_wrap(acc, op->bias[oc]);
                }
                output[(oy * out_w + ox) * out_c + oc] =
                    tm_requantize(acc, op->multipliers[oc], op->shifts[oc], output_offset,
                                  op->activation_min, op->activation_max);
            }
        }
    }
}

/* Filter OHWI over the input's channels: one multiplier per output channel. */
tm_status tm_conv2d_check(const tm_op *op, const tm_tensor *in, const tm_tensor *out, tm_op_needs *needs)
{
    needs->dot = (uint64_t)op->kernel_h * op->kernel_w * in->dims[2];
    needs->weights = needs->dot * out->dims[2];
    needs->channels = out->dims[2];
    needs->bias_allowed = 1;
    return TM_OK;
}
