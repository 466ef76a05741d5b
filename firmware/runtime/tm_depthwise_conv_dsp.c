/* DEPTHWISE_CONV_2D with the DSP extension: the bytes of tm_depthwise_conv2d. Channels are the
 * innermost dimension of the input and of the 1HWC filter, so four neighbouring channels are one
 * word of each: widened into 16-bit pairs, they meet in SMLABB/SMLATT, four MACs for two loads.
 * Channels beyond the last multiple of four take a plain loop. */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS
#include "tm_window.h"

void tm_depthwise_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                             const tm_tensor *out, int8_t *output)
{
    const int32_t in_h = (int32_t)in->dims[0];
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t channels = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    const int32_t input_offset = -in->zero_point;
    const uint32_t offset2 = tm_dup16(input_offset);
    const tm_outputs outputs = tm_outputs_of(op, out);
    const int32_t input_row = in_w * channels;
    const int32_t filter_row = op->kernel_w * channels;
    int32_t oy, ox, c, ky, kx;

    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const tm_window win = tm_window_at(op, in_h, in_w, oy, ox);
            const int8_t *corner = input + ((win.y_origin + win.y_start) * in_w + win.x_origin + win.x_start) * channels;
            const int8_t *taps = op->weights + (win.y_start * op->kernel_w + win.x_start) * channels;
            const int32_t rows = win.y_end - win.y_start;
            const int32_t cols = win.x_end - win.x_start;
            int8_t *pixel_out = output + (oy * out_w + ox) * channels;
            for (c = 0; c + 4 <= channels; c += 4) {
                int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                for (ky = 0; ky < rows; ky++) {
                    const int8_t *x = corner + ky * input_row + c;
                    const int8_t *w = taps + ky * filter_row + c;
                    for (kx = 0; kx < cols; kx++) {
                        const uint32_t xw = tm_load4(x);
                        const uint32_t ww = tm_load4(w);
                        const uint32_t x02 = tm_sxtab16(offset2, xw);
                        const uint32_t x13 = tm_sxtab16_ror8(offset2, xw);
                        const uint32_t w02 = tm_sxtb16(ww);
                        const uint32_t w13 = tm_sxtb16_ror8(ww);
                        a0 = tm_smlabb(w02, x02, a0);
                        a1 = tm_smlabb(w13, x13, a1);
                        a2 = tm_smlatt(w02, x02, a2);
                        a3 = tm_smlatt(w13, x13, a3);
                        x += channels;
                        w += channels;
                    }
                }
                pixel_out[c] = tm_output(&outputs, (uint32_t)c, (uint32_t)c, a0);
                pixel_out[c + 1] = tm_output(&outputs, (uint32_t)c + 1, (uint32_t)c + 1, a1);
                pixel_out[c + 2] = tm_output(&outputs, (uint32_t)c + 2, (uint32_t)c + 2, a2);
                pixel_out[c + 3] = tm_output(&outputs, (uint32_t)c + 3, (uint32_t)c + 3, a3);
            }
            for (; c < channels; c++) {
                int32_t acc = 0;
                for (ky = 0; ky < rows; ky++) {
                    const int8_t *x = corner + ky * input_row + c;
                    const int8_t *w = taps + ky * filter_row + c;
                    for (kx = 0; kx < cols; kx++) {
                        acc += *w * (*x + input_offset);
                        x += channels;
                        w += channels;
                    }
                }
                pixel_out[c] = tm_output(&outputs, (uint32_t)c, (uint32_t)c, acc);
            }
        }
    }
}

#endif
