/* The DSP kernels' shared pieces kept out of line: the innermost loop of four weight rows in
 * Thumb-2 assembly (C compilers run out of registers for four rows and spill inside the loop;
 * written out, the loop keeps all fourteen live values in registers and takes 1.5 instructions per
 * MAC), the loop for fewer rows, and requantization of a block of outputs. Each is a leaf: one
 * inference's stack holds a kernel's frame and at most one of theirs. */
#include "tm_dsp.h"

#if TM_DSP_KERNELS

void tm_output_block(const tm_op *op, const tm_tensor *out, uint32_t first, const int32_t *acc, int32_t n,
                     int8_t *output)
{
    /* read once: the int8 stores below may alias anything */
    const int32_t *multipliers = op->multipliers;
    const int32_t *shifts = op->shifts;
    const int32_t *bias = op->bias_count > 0 ? op->bias : 0;
    const uint32_t per_channel = op->multipliers_count == 1 ? 0u : 1u;
    const int32_t output_offset = out->zero_point;
    const int32_t activation_min = op->activation_min;
    const int32_t activation_max = op->activation_max;
    int32_t k;
    for (k = 0; k < n; k++) {
        const uint32_t channel = first + (uint32_t)k;
        const uint32_t q = channel * per_channel;
        const int32_t biased = bias != 0 ? tm_add32(acc[k], bias[channel]) : acc[k];
        int32_t value = tm_add32(tm_scale(biased, multipliers[q], shifts[q]), output_offset);
        value = value < activation_min ? activation_min : value;
        value = value > activation_max ? activation_max : value;
        output[k] = (int8_t)value;
    }
}

void tm_dot_rows(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t rows, int32_t offset,
                 int32_t acc[4])
{
    int32_t r;
    for (r = 0; r < rows; r++) {
        const int8_t *xp = x;
        const int8_t *wp = w + r * stride;
        int32_t sum = acc[r];
        int32_t k;
        for (k = n; k >= 4; k -= 4) {
            const uint32_t xw = tm_load4(xp);
            const uint32_t ww = tm_load4(wp);
            sum = tm_smlad(tm_sxtb16(ww), tm_sxtab16(tm_dup16(offset), xw), sum);
            sum = tm_smlad(tm_sxtb16_ror8(ww), tm_sxtab16_ror8(tm_dup16(offset), xw), sum);
            xp += 4;
            wp += 4;
        }
        for (; k > 0; k--) {
            sum += *wp++ * (*xp++ + offset);
        }
        acc[r] = sum;
    }
}

#ifndef TM_DSP_NATIVE
/* The assembly loop's arithmetic in C, for the host tests (TM_DSP_EMULATED). */
void tm_dot4(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t offset, int32_t acc[4])
{
    const int8_t *w1 = w + stride;
    const int8_t *w2 = w1 + stride;
    const int8_t *w3 = w2 + stride;
    const uint32_t offset2 = tm_dup16(offset);
    int32_t k;
    for (k = 0; k + 4 <= n; k += 4) {
        const uint32_t xw = tm_load4(x + k);
        const uint32_t x02 = tm_sxtab16(offset2, xw);
        const uint32_t x13 = tm_sxtab16_ror8(offset2, xw);
        uint32_t ww = tm_load4(w + k);
        acc[0] = tm_smlad(tm_sxtb16_ror8(ww), x13, tm_smlad(tm_sxtb16(ww), x02, acc[0]));
        ww = tm_load4(w1 + k);
        acc[1] = tm_smlad(tm_sxtb16_ror8(ww), x13, tm_smlad(tm_sxtb16(ww), x02, acc[1]));
        ww = tm_load4(w2 + k);
        acc[2] = tm_smlad(tm_sxtb16_ror8(ww), x13, tm_smlad(tm_sxtb16(ww), x02, acc[2]));
        ww = tm_load4(w3 + k);
        acc[3] = tm_smlad(tm_sxtb16_ror8(ww), x13, tm_smlad(tm_sxtb16(ww), x02, acc[3]));
    }
    for (; k < n; k++) {
        const int32_t v = x[k] + offset;
        acc[0] += w[k] * v;
        acc[1] += w1[k] * v;
        acc[2] += w2[k] * v;
        acc[3] += w3[k] * v;
    }
}
#endif

#ifdef TM_DSP_NATIVE

/* void tm_dot4_rows4(const int8_t *x, const int8_t *w, int32_t stride, int32_t *acc, int32_t n,
 *                    uint32_t offset2):
 * acc[r] += sum over k < n of w_r[k] * (x[k] + offset) for the four rows w_r = w + r * stride;
 * offset2 is the input offset in both 16-bit halves. Sixteen bytes a loop, after the groups of four
 * that do not make a sixteen, then the last n % 4 bytes one at a time. Registers: r0 x, r1 rows 0-1,
 * r3 rows 2-3, r4 stride, r5 the groups then the end of x, r6 offset2, r7-r10 the sums, r11/r12 the
 * input pairs, r2 and lr a weight word and its widened half. AAPCS: r4-r11 saved, the last two
 * arguments on the stack; a callee owns them, so acc and the n % 4 bytes left wait in their slots
 * and the frame is the nine saved registers. */
#define TM_DOT4_STEP                        \
    "ldr     r11, [r0], #4\n"               \
    "sxtab16 r12, r6, r11\n"                \
    "sxtab16 r11, r6, r11, ror #8\n"        \
    "ldr     r2, [r1, r4]\n"                \
    "sxtb16  lr, r2\n"                      \
    "smlad   r8, lr, r12, r8\n"             \
    "sxtb16  r2, r2, ror #8\n"              \
    "smlad   r8, r2, r11, r8\n"             \
    "ldr     r2, [r1], #4\n"                \
    "sxtb16  lr, r2\n"                      \
    "smlad   r7, lr, r12, r7\n"             \
    "sxtb16  r2, r2, ror #8\n"              \
    "smlad   r7, r2, r11, r7\n"             \
    "ldr     r2, [r3, r4]\n"                \
    "sxtb16  lr, r2\n"                      \
    "smlad   r10, lr, r12, r10\n"           \
    "sxtb16  r2, r2, ror #8\n"              \
    "smlad   r10, r2, r11, r10\n"           \
    "ldr     r2, [r3], #4\n"                \
    "sxtb16  lr, r2\n"                      \
    "smlad   r9, lr, r12, r9\n"             \
    "sxtb16  r2, r2, ror #8\n"              \
    "smlad   r9, r2, r11, r9\n"

__asm__(
    "    .section .text.tm_dot4_rows4,\"ax\",%progbits\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .align  2\n"
    "    .global tm_dot4_rows4\n"
    "    .type   tm_dot4_rows4, %function\n"
    "    .thumb_func\n"
    "tm_dot4_rows4:\n"
    "push    {r4-r11, lr}\n"
    "ldr     r5, [sp, #36]\n"
    "ldr     r6, [sp, #40]\n"
    "mov     r4, r2\n"
    "str     r3, [sp, #36]\n"          /* acc, for the end */
    "and     r2, r5, #3\n"
    "str     r2, [sp, #40]\n"          /* the bytes after the last group */
    "lsr     r5, r5, #2\n"             /* the groups of four */
    "ldm     r3, {r7-r10}\n"
    "add     r3, r1, r4, lsl #1\n"
    "2:\n"                            /* groups beyond a multiple of four, one at a time */
    "tst     r5, #3\n"
    "beq     4f\n"
    TM_DOT4_STEP
    "sub     r5, r5, #1\n"
    "b       2b\n"
    "4:\n"
    "cmp     r5, #0\n"
    "beq     3f\n"
    "add     r5, r0, r5, lsl #2\n"     /* the end of the groups */
    "1:\n"
    TM_DOT4_STEP
    TM_DOT4_STEP
    TM_DOT4_STEP
    TM_DOT4_STEP
    "cmp     r0, r5\n"
    "bne     1b\n"
    "3:\n"
    "ldr     r5, [sp, #40]\n"
    "sxth    r6, r6\n"                 /* the offset */
    "b       6f\n"
    "5:\n"                            /* the last bytes, one at a time */
    "ldrsb   r11, [r0], #1\n"
    "add     r11, r11, r6\n"
    "ldrsb   r12, [r1, r4]\n"
    "mla     r8, r12, r11, r8\n"
    "ldrsb   r12, [r1], #1\n"
    "mla     r7, r12, r11, r7\n"
    "ldrsb   r12, [r3, r4]\n"
    "mla     r10, r12, r11, r10\n"
    "ldrsb   r12, [r3], #1\n"
    "mla     r9, r12, r11, r9\n"
    "6:\n"
    "subs    r5, r5, #1\n"
    "bpl     5b\n"
    "ldr     r3, [sp, #36]\n"
    "stm     r3, {r7-r10}\n"
    "pop     {r4-r11, pc}\n"
    "    .size   tm_dot4_rows4, .-tm_dot4_rows4\n");

#endif

#endif
