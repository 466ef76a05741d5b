/* DEPTHWISE_CONV_2D with the DSP extension: the bytes of tm_depthwise_conv2d. Channels are the
 * innermost dimension of the input and of the 1HWC filter, so four neighbouring channels are one
 * word of each: widened into 16-bit pairs, they meet in SMLABB/SMLATT, four MACs for two loads.
 * Channels beyond the last multiple of four take a plain loop. The window's multiply-adds are a
 * leaf of their own, beside requantization: the kernel's frame holds only the pixel's place. */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS
#include "tm_window.h"

/* The part of one output pixel's window inside the input, for up to four neighbouring channels. */
typedef struct {
    const int8_t *x;     /* the first input byte, channel c */
    const int8_t *w;     /* its filter byte */
    int32_t rows, cols;  /* window rows and columns inside the input */
    int32_t input_row;   /* bytes from one input row to the next */
    int32_t filter_row;  /* bytes from one filter row to the next */
    int32_t channels;    /* bytes from one cell to the next */
    int32_t offset;      /* the input offset */
} window_run;

/* acc[k] = the window's sum for channel c + k, k < block (block <= 4). */
TM_NOINLINE static void window_sums(const window_run *run, int32_t block, int32_t acc[4])
{
    int32_t ky, kx, k;
    if (block == 4) {
        const uint32_t offset2 = tm_dup16(run->offset);
        int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (ky = 0; ky < run->rows; ky++) {
            const int8_t *x = run->x + ky * run->input_row;
            const int8_t *w = run->w + ky * run->filter_row;
            for (kx = run->cols; kx > 0; kx--) {
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
                x += run->channels;
                w += run->channels;
            }
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        return;
    }
    for (k = 0; k < block; k++) {
        int32_t sum = 0;
        for (ky = 0; ky < run->rows; ky++) {
            const int8_t *x = run->x + ky * run->input_row + k;
            const int8_t *w = run->w + ky * run->filter_row + k;
            for (kx = 0; kx < run->cols; kx++) {
                sum += *w * (*x + run->offset);
                x += run->channels;
                w += run->channels;
            }
        }
        acc[k] = sum;
    }
}

void tm_depthwise_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                             const tm_tensor *out, int8_t *output)
{
    const int32_t channels = (int32_t)in->dims[2];
    window_run run;
    int32_t oy, ox, c;
    run.input_row = (int32_t)in->dims[1] * channels;
    run.filter_row = op->kernel_w * channels;
    run.channels = channels;
    run.offset = -in->zero_point;
    for (oy = 0; oy < (int32_t)out->dims[0]; oy++) {
        for (ox = 0; ox < (int32_t)out->dims[1]; ox++) {
            const tm_window win = tm_window_at(op, (int32_t)in->dims[0], (int32_t)in->dims[1], oy, ox);
            const int8_t *corner = input + ((win.y_origin + win.y_start) * (int32_t)in->dims[1] + win.x_origin
                                            + win.x_start) * channels;
            const int8_t *taps = op->weights + (win.y_start * op->kernel_w + win.x_start) * channels;
            run.rows = win.y_end - win.y_start;
            run.cols = win.x_end - win.x_start;
            for (c = 0; c < channels; c += 4) {
                const int32_t block = channels - c < 4 ? channels - c : 4;
                int32_t acc[4];
                run.x = corner + c;
                run.w = taps + c;
                window_sums(&run, block, acc);
                tm_output_block(op, out, (uint32_t)c, acc, block, output);
                output += block;
            }
        }
    }
}

#endif
