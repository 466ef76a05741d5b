/* CONV_2D with the DSP extension: the bytes of tm_conv2d. Each output pixel's window meets four
 * filters at a time in tm_dot4 (the input widened once for the four, two MACs an SMLAD). Where
 * window rows are long (kernel_w x input channels >= 8) they are read in place, a run of bytes
 * each; where they are short and the window small (3x3x1, 5x5x1, 3x3x3), the window is first
 * gathered into a contiguous patch on the stack, the input zero point in padding cells (they add
 * 0), and meets each filter in one run. No arena scratch: the patch is PATCH_BYTES of stack.
 *
 * Stack: the loops read shapes through op, in and out where they need them instead of keeping
 * derived values live across the calls to the dot loop and requantization (which would spill them
 * to the frame); the leaves (gather_patch, tm_dot4, tm_dot_rows, tm_output_block) are called one
 * at a time, so the deepest stack is this frame plus the largest leaf's. */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS
#include "tm_window.h"

/* The largest window gathered into a patch; int32 words keep it aligned. */
#define PATCH_WORDS 8
#define PATCH_BYTES (4 * PATCH_WORDS)

/* The window of output cell (oy, ox), whole, with the zero point where it lies outside the input
 * (one loop, not three: a compiler would turn copy loops into memcpy calls, slower for a few bytes). */
TM_NOINLINE static void gather_patch(const tm_op *op, const tm_tensor *in, const int8_t *input, int32_t oy,
                                     int32_t ox, int8_t *patch)
{
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t in_c = (int32_t)in->dims[2];
    const int32_t row_bytes = op->kernel_w * in_c;
    const tm_window win = tm_window_at(op, (int32_t)in->dims[0], in_w, oy, ox);
    const int32_t inside_from = win.x_start * in_c;
    const int32_t inside_to = win.x_end * in_c;
    int32_t ky, k;
    if (inside_from == 0 && inside_to == row_bytes && win.y_start == 0 && win.y_end == op->kernel_h) {
        /* inside the input: row by row, byte by byte (a loop a compiler does not turn into memcpy calls) */
        const int8_t *row = input + (win.y_origin * in_w + win.x_origin) * in_c;
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
        if (ky < win.y_start || ky >= win.y_end) {
            for (k = 0; k < row_bytes; k++) {
                patch[k] = (int8_t)in->zero_point;
            }
        } else {
            /* the row's first byte inside the input */
            const int8_t *row = input + ((win.y_origin + ky) * in_w + win.x_origin + win.x_start) * in_c;
            for (k = 0; k < row_bytes; k++) {
                patch[k] = k >= inside_from && k < inside_to ? row[k - inside_from] : (int8_t)in->zero_point;
            }
        }
        patch += row_bytes;
    }
}

/* Small windows: each output pixel's window gathered into a patch, met by every filter in one run. */
TM_NOINLINE static void conv_patch(const tm_op *op, const tm_tensor *in, const int8_t *input,
                                               const tm_tensor *out, int8_t *output)
{
    int32_t patch_words[PATCH_WORDS];
    int32_t oy, ox, oc;
    for (oy = 0; oy < (int32_t)out->dims[0]; oy++) {
        for (ox = 0; ox < (int32_t)out->dims[1]; ox++) {
            gather_patch(op, in, input, oy, ox, (int8_t *)patch_words);
            for (oc = 0; oc < (int32_t)out->dims[2]; oc += 4) {
                const int32_t taps = op->kernel_h * op->kernel_w * (int32_t)in->dims[2];
                const int32_t block = (int32_t)out->dims[2] - oc < 4 ? (int32_t)out->dims[2] - oc : 4;
                int32_t acc[4] = {0, 0, 0, 0};
                tm_dot_block((const int8_t *)patch_words, op->weights + oc * taps, taps, taps, block,
                             -in->zero_point, acc);
                tm_output_block(op, out, (uint32_t)oc, acc, block, output);
                output += block;
            }
        }
    }
}

/* Other windows: the window rows inside the input, each a run of (columns x channels) bytes. */
TM_NOINLINE static void conv_rows(const tm_op *op, const tm_tensor *in, const int8_t *input,
                                              const tm_tensor *out, int8_t *output)
{
    int32_t oy, ox, oc, ky;
    for (oy = 0; oy < (int32_t)out->dims[0]; oy++) {
        for (ox = 0; ox < (int32_t)out->dims[1]; ox++) {
            const tm_window win = tm_window_at(op, (int32_t)in->dims[0], (int32_t)in->dims[1], oy, ox);
            /* the window's first byte inside the input, and its offset in each filter */
            const int32_t first = ((win.y_origin + win.y_start) * (int32_t)in->dims[1] + win.x_origin + win.x_start)
                * (int32_t)in->dims[2];
            const int32_t first_tap = (win.y_start * op->kernel_w + win.x_start) * (int32_t)in->dims[2];
            for (oc = 0; oc < (int32_t)out->dims[2]; oc += 4) {
                const int32_t filter_size = op->kernel_h * op->kernel_w * (int32_t)in->dims[2];
                const int32_t block = (int32_t)out->dims[2] - oc < 4 ? (int32_t)out->dims[2] - oc : 4;
                int32_t acc[4] = {0, 0, 0, 0};
                for (ky = 0; ky < win.y_end - win.y_start; ky++) {
                    tm_dot_block(input + first + ky * (int32_t)in->dims[1] * (int32_t)in->dims[2],
                                 op->weights + oc * filter_size + first_tap + ky * op->kernel_w * (int32_t)in->dims[2],
                                 filter_size, (win.x_end - win.x_start) * (int32_t)in->dims[2], block,
                                 -in->zero_point, acc);
                }
                tm_output_block(op, out, (uint32_t)oc, acc, block, output);
                output += block;
            }
        }
    }
}

/* The two ways are functions of their own: inlined here, their spill slots would add up in one
 * frame larger than this one's and either of theirs. */
void tm_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                   const tm_tensor *out, int8_t *output)
{
    const int32_t filter_row = op->kernel_w * (int32_t)in->dims[2];
    if (filter_row < 8 && op->kernel_h * filter_row <= PATCH_BYTES) {
        conv_patch(op, in, input, out, output);
    } else {
        conv_rows(op, in, input, out, output);
    }
}

#endif
