/* CONV_2D with the DSP extension: the bytes of tm_conv2d. Each output pixel's window meets four
 * filters at a time in tm_dot4 (the input widened once for the four, two MACs an SMLAD). Where
 * window rows are long (kernel_w x input channels >= 8) they are read in place, a run of bytes
 * each; where they are short and the window small (3x3x1, 5x5x1, 3x3x3), the window is first
 * gathered into a contiguous patch on the stack, the input zero point in padding cells (they add
 * 0), and meets each filter in one run. No arena scratch: the patch is PATCH_BYTES of stack. */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS
#include "tm_window.h"

/* The largest window gathered into a patch; int32 words keep it aligned. */
#define PATCH_WORDS 8
#define PATCH_BYTES (4 * PATCH_WORDS)

/* The window of one output cell, whole, with the zero point where it lies outside the input
 * (one loop, not three: a compiler would turn copy loops into memcpy calls, slower for a few bytes). */
static void gather_patch(const tm_op *op, const tm_tensor *in, const int8_t *input, const tm_window *win,
                         int8_t *patch)
{
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t in_c = (int32_t)in->dims[2];
    const int32_t row_bytes = op->kernel_w * in_c;
    const int8_t zero = (int8_t)in->zero_point;
    const int32_t inside_from = win->x_start * in_c;
    const int32_t inside_to = win->x_end * in_c;
    int32_t ky, k;
    if (inside_from == 0 && inside_to == row_bytes && win->y_start == 0 && win->y_end == op->kernel_h) {
        /* inside the input: row by row, byte by byte (a loop a compiler does not turn into memcpy calls) */
        const int8_t *row = input + (win->y_origin * in_w + win->x_origin) * in_c;
        for (ky = 0; ky < op->kernel_h; ky++) {
            k = row_bytes;
            do {
                *patch++ = *row++;
            } while (--k > 0);
            row += (in_w * in_c) - row_bytes;
        }
        return;
    }
    for (ky = 0; ky < op->kernel_h; ky++) {
        if (ky < win->y_start || ky >= win->y_end) {
            for (k = 0; k < row_bytes; k++) {
                patch[k] = zero;
            }
        } else {
            /* the row's first byte inside the input */
            const int8_t *row = input + ((win->y_origin + ky) * in_w + win->x_origin + win->x_start) * in_c;
            for (k = 0; k < row_bytes; k++) {
                patch[k] = k >= inside_from && k < inside_to ? row[k - inside_from] : zero;
            }
        }
        patch += row_bytes;
    }
}

/* acc[f] += the run of n bytes at x against filter f of the block (f < block <= 4; filter f
 * starts filter_size bytes after filter f - 1). */
static void dot_block(const int8_t *x, const int8_t *filters, int32_t filter_size, int32_t n, int32_t block,
                      int32_t input_offset, int32_t acc[4])
{
    int32_t f;
    if (block == 4) {
        tm_dot4(x, filters, filter_size, n, input_offset, acc);
    } else {
        for (f = 0; f < block; f++) {
            acc[f] = tm_dot1(x, filters + f * filter_size, n, input_offset, acc[f]);
        }
    }
}

/* Small windows: each output pixel's window gathered into a patch, met by every filter in one run.
 * The two ways are functions of their own (TM_NOINLINE): one inference's stack then holds one of
 * their frames, not a frame with the live values of both. */
TM_NOINLINE static void tm_conv2d_dsp_patch(const tm_op *op, const tm_tensor *in, const int8_t *input,
                                             const tm_tensor *out, int8_t *output)
{
    const int32_t out_w = (int32_t)out->dims[1];
    const int32_t out_c = (int32_t)out->dims[2];
    const int32_t pixels = (int32_t)out->dims[0] * out_w;
    const int32_t taps = op->kernel_h * op->kernel_w * (int32_t)in->dims[2];
    const tm_outputs outputs = tm_outputs_of(op, out);
    int32_t patch_words[PATCH_WORDS];
    int8_t *patch = (int8_t *)patch_words;
    int32_t p, oc, k;
    for (p = 0; p < pixels; p++) {
        const tm_window win = tm_window_at(op, (int32_t)in->dims[0], (int32_t)in->dims[1], p / out_w, p % out_w);
        gather_patch(op, in, input, &win, patch);
        for (oc = 0; oc < out_c; oc += 4) {
            const int32_t block = out_c - oc < 4 ? out_c - oc : 4;
            int32_t acc[4] = {0, 0, 0, 0};
            dot_block(patch, op->weights + oc * taps, taps, taps, block, -in->zero_point, acc);
            for (k = 0; k < block; k++) {
                *output++ = tm_output(&outputs, (uint32_t)(oc + k), (uint32_t)(oc + k), acc[k]);
            }
        }
    }
}

/* Other windows: the window rows inside the input, each a run of (columns x channels) bytes. */
TM_NOINLINE static void tm_conv2d_dsp_rows(const tm_op *op, const tm_tensor *in, const int8_t *input,
                                            const tm_tensor *out, int8_t *output)
{
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t in_c = (int32_t)in->dims[2];
    const int32_t out_w = (int32_t)out->dims[1];
    const int32_t out_c = (int32_t)out->dims[2];
    const int32_t pixels = (int32_t)out->dims[0] * out_w;
    const int32_t filter_row = op->kernel_w * in_c;
    const int32_t filter_size = op->kernel_h * filter_row;
    const tm_outputs outputs = tm_outputs_of(op, out);
    int32_t p, oc, k, ky;
    for (p = 0; p < pixels; p++) {
        const tm_window win = tm_window_at(op, (int32_t)in->dims[0], in_w, p / out_w, p % out_w);
        const int8_t *first_row = input + ((win.y_origin + win.y_start) * in_w + win.x_origin + win.x_start) * in_c;
        const int32_t run = (win.x_end - win.x_start) * in_c;
        for (oc = 0; oc < out_c; oc += 4) {
            const int32_t block = out_c - oc < 4 ? out_c - oc : 4;
            const int8_t *row = first_row;
            const int8_t *filters = op->weights + oc * filter_size + win.y_start * filter_row + win.x_start * in_c;
            int32_t acc[4] = {0, 0, 0, 0};
            for (ky = win.y_start; ky < win.y_end; ky++) {
                dot_block(row, filters, filter_size, run, block, -in->zero_point, acc);
                row += in_w * in_c;
                filters += filter_row;
            }
            for (k = 0; k < block; k++) {
                *output++ = tm_output(&outputs, (uint32_t)(oc + k), (uint32_t)(oc + k), acc[k]);
            }
        }
    }
}

void tm_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                   const tm_tensor *out, int8_t *output)
{
    const int32_t filter_row = op->kernel_w * (int32_t)in->dims[2];
    if (filter_row < 8 && op->kernel_h * filter_row <= PATCH_BYTES) {
        tm_conv2d_dsp_patch(op, in, input, out, output);
    } else {
        tm_conv2d_dsp_rows(op, in, input, out, output);
    }
}

#endif
