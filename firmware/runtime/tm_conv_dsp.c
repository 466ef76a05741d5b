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
#include <stddef.h>

#if TM_DSP_KERNELS
#include "tm_window.h"

/* The largest window gathered into a patch; int32 words keep it aligned. */
#define PATCH_BYTES 32 /* a number: the dispatcher's assembly compares with it */
#define PATCH_WORDS (PATCH_BYTES / 4)
#define TM_STRING2(x) #x
#define TM_STRING(x) TM_STRING2(x)

/* The window of output cell (oy, ox), whole, with the zero point where it lies outside the input.
 * Inside, row by row, byte by byte (a loop a compiler does not turn into memcpy calls, slower for a
 * few bytes); at the border, cell by cell. Few live values: a small frame under the kernel's. */
TM_NOINLINE static void gather_patch(const tm_op *op, const tm_tensor *in, const int8_t *input, int32_t oy,
                                     int32_t ox, int8_t *patch)
{
    const int32_t in_c = (int32_t)in->dims[2];
    const int32_t row_bytes = op->kernel_w * in_c;
    const int32_t y0 = oy * op->stride_h - op->pad_top;
    const int32_t x0 = ox * op->stride_w - op->pad_left;
    int32_t ky, k;
    if (y0 >= 0 && x0 >= 0 && y0 + op->kernel_h <= (int32_t)in->dims[0]
        && x0 + op->kernel_w <= (int32_t)in->dims[1]) {
        const int8_t *row = input + (y0 * (int32_t)in->dims[1] + x0) * in_c;
        for (ky = op->kernel_h; ky > 0; ky--) {
            k = row_bytes;
            do {
                *patch++ = *row++;
            } while (--k > 0);
            row += (int32_t)in->dims[1] * in_c - row_bytes;
        }
        return;
    }
    for (ky = 0; ky < op->kernel_h; ky++) {
        const int32_t iy = y0 + ky;
        for (k = 0; k < row_bytes; k++) {
            const int32_t ix = x0 + k / in_c;
            *patch++ = (uint32_t)iy < in->dims[0] && (uint32_t)ix < in->dims[1]
                ? input[(iy * (int32_t)in->dims[1] + x0) * in_c + k] : (int8_t)in->zero_point;
        }
    }
}

/* The two ways, each a kernel of its own (the dispatcher below picks one), named after the kernel
 * they serve (the size report counts them with it). */
void tm_conv2d_dsp_patch(const tm_op *op, const tm_tensor *in, const int8_t *input, const tm_tensor *out,
                         int8_t *output);
void tm_conv2d_dsp_rows(const tm_op *op, const tm_tensor *in, const int8_t *input, const tm_tensor *out,
                        int8_t *output);

/* Small windows: each output pixel's window gathered into a patch, met by every filter in one run. */
void tm_conv2d_dsp_patch(const tm_op *op, const tm_tensor *in, const int8_t *input, const tm_tensor *out,
                         int8_t *output)
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
void tm_conv2d_dsp_rows(const tm_op *op, const tm_tensor *in, const int8_t *input, const tm_tensor *out,
                        int8_t *output)
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

/* The dispatcher. In C, gcc moves the five arguments through a 24-byte frame before the tail call
 * (the fifth is on the stack); written out, it keeps them in place and borrows one register: a
 * 4-byte frame on top of the chosen way's. The struct offsets it reads are checked below. */
#ifdef TM_DSP_NATIVE
typedef char tm_conv_offsets_checked[(offsetof(tm_op, kernel_h) == 6 && offsetof(tm_op, kernel_w) == 8
                                      && offsetof(tm_tensor, dims) + 2 * sizeof(uint32_t) == 12) ? 1 : -1];
__asm__(
    "    .section .text.tm_conv2d_dsp,\"ax\",%progbits\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .align  2\n"
    "    .global tm_conv2d_dsp\n"
    "    .type   tm_conv2d_dsp, %function\n"
    "    .thumb_func\n"
    "tm_conv2d_dsp:\n"
    "push    {r4}\n"
    "ldrh    r12, [r0, #8]\n"          /* kernel_w */
    "ldr     r4, [r1, #12]\n"          /* input channels */
    "mul     r12, r12, r4\n"           /* a filter row's bytes */
    "cmp     r12, #8\n"
    "bhs     1f\n"
    "ldrh    r4, [r0, #6]\n"           /* kernel_h */
    "mul     r12, r12, r4\n"
    "cmp     r12, #" TM_STRING(PATCH_BYTES) "\n"
    "bhi     1f\n"
    "pop     {r4}\n"
    "b       tm_conv2d_dsp_patch\n"
    "1:\n"
    "pop     {r4}\n"
    "b       tm_conv2d_dsp_rows\n"
    "    .size   tm_conv2d_dsp, .-tm_conv2d_dsp\n");
#else
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

#endif
