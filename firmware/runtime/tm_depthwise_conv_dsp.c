/* DEPTHWISE_CONV_2D with the DSP extension: the bytes of tm_depthwise_conv2d. Channels are the
 * innermost dimension of the input and of the 1HWC filter, so four neighbouring channels are one
 * word of each: widened into 16-bit pairs, they meet in SMLABB/SMLATT, four MACs for two loads.
 * Channels beyond the last multiple of four take a plain loop. Each window row's multiply-adds are
 * a leaf of their own, called one at a time beside requantization: the kernel's frame holds only
 * the pixel's place and the four sums. */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS
#include "tm_window.h"

/* acc[k] += one window row's sum for channel k, k < block (block <= 4): cols cells from x and w,
 * channels bytes apart. */
TM_NOINLINE static void row_sums(const int8_t *x, const int8_t *w, int32_t cols, int32_t channels, int32_t block,
                                 int32_t offset, int32_t acc[4])
{
    int32_t kx, k;
    if (block == 4) {
        const uint32_t offset2 = tm_dup16(offset);
        int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
        for (kx = cols; kx > 0; kx--) {
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
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        return;
    }
    for (k = 0; k < block; k++) {
        for (kx = 0; kx < cols; kx++) {
            acc[k] += w[kx * channels + k] * (x[kx * channels + k] + offset);
        }
    }
}

void tm_depthwise_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                             const tm_tensor *out, int8_t *output)
{
    int32_t oy, ox, c, ky;
    for (oy = 0; oy < (int32_t)out->dims[0]; oy++) {
        for (ox = 0; ox < (int32_t)out->dims[1]; ox++) {
            const tm_window win = tm_window_at(op, (int32_t)in->dims[0], (int32_t)in->dims[1], oy, ox);
            for (c = 0; c < (int32_t)in->dims[2]; c += 4) {
                const int32_t channels = (int32_t)in->dims[2];
                const int32_t block = channels - c < 4 ? channels - c : 4;
                int32_t acc[4] = {0, 0, 0, 0};
                for (ky = win.y_start; ky < win.y_end; ky++) {
                    row_sums(input + ((win.y_origin + ky) * (int32_t)in->dims[1] + win.x_origin + win.x_start) * channels + c,
                             op->weights + (ky * op->kernel_w + win.x_start) * channels + c, win.x_end - win.x_start,
                             channels, block, -in->zero_point, acc);
                }
                tm_output_block(op, out, (uint32_t)c, acc, block, output);
                output += block;
            }
        }
    }
}

#endif
