/* DEPTHWISE_CONV_2D with the DSP extension: the bytes of tm_depthwise_conv2d. Channels are the
 * innermost dimension of the input and of the 1HWC filter, so four neighbouring channels are one
 * word of each: widened into 16-bit pairs, they meet in SMLABB/SMLATT, four MACs for two loads.
 * One leaf call (tm_dw_window4) sums a whole window for four channels. Where the channel count is
 * not a multiple of four, the last block is the last four channels (it overlaps the block before),
 * so that no load reaches past a pixel; the lanes it shares are dropped. Fewer than four channels
 * take a plain loop. Requantization is one call a block, beside the leaf: the kernel's frame holds
 * only the pixel's place, the walk and the four sums. */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS
#include "tm_window.h"

/* walk->acc[k] = the window's sum for channel k < walk->channels (fewer than four). Built for
 * size: at -O2 its frame is 56 bytes, at -Os 32, and it sits on the kernel's. */
TM_GCC_OPTIMIZE("Os") TM_NOINLINE static void window_sums_narrow(const int8_t *x, const int8_t *w, tm_dw_walk *walk)
{
    const int32_t skip = walk->cols * walk->channels;
    int32_t ky, kx, k;
    walk->acc[0] = walk->acc[1] = walk->acc[2] = 0;
    for (ky = walk->rows; ky > 0; ky--) {
        for (kx = skip; kx > 0; kx -= walk->channels) {
            for (k = 0; k < walk->channels; k++) {
                walk->acc[k] += *w++ * (*x++ + (int16_t)walk->offset2);
            }
        }
        x += walk->x_row - skip;
        w += walk->w_row - skip;
    }
}

/* gcc's partial redundancy elimination would keep more of the window arithmetic across the calls,
 * in a frame 24 bytes larger: the deepest stack of an inference would grow. */
TM_GCC_OPTIMIZE("no-tree-pre")
void tm_depthwise_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                             const tm_tensor *out, int8_t *output)
{
    const int32_t channels = (int32_t)in->dims[2];
    int32_t oy, ox, c;
    tm_dw_walk walk;
    walk.x_row = (int32_t)in->dims[1] * channels;
    walk.w_row = op->kernel_w * channels;
    walk.channels = channels;
    walk.offset2 = tm_dup16(-in->zero_point);
    for (oy = 0; oy < (int32_t)out->dims[0]; oy++) {
        for (ox = 0; ox < (int32_t)out->dims[1]; ox++) {
            const tm_window win = tm_window_at(op, (int32_t)in->dims[0], (int32_t)in->dims[1], oy, ox);
            const int8_t *x = input + (win.y_origin + win.y_start) * walk.x_row
                + (win.x_origin + win.x_start) * channels;
            const int8_t *w = op->weights + win.y_start * walk.w_row + win.x_start * channels;
            walk.rows = win.y_end - win.y_start;
            walk.cols = win.x_end - win.x_start;
            if (channels < 4) {
                window_sums_narrow(x, w, &walk);
                tm_output_block(op, out, 0u, walk.acc, channels, output);
                output += channels;
                continue;
            }
            for (c = 0; c < channels; c += 4) {
                /* the last block ends at the last channel; its lanes before c are the block before's */
                const int32_t shared = c + 4 > channels ? c + 4 - channels : 0;
                tm_dw_window4(x + c - shared, w + c - shared, &walk);
                tm_output_block(op, out, (uint32_t)c, walk.acc + shared, 4 - shared, output);
                output += 4 - shared;
            }
        }
    }
}

#endif
