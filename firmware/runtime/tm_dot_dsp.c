/* The DSP kernels' shared pieces kept out of line: the innermost loop of four weight rows in
 * Thumb-2 assembly (C compilers run out of registers for four rows and spill inside the loop;
 * written out, the loop keeps all fourteen live values in registers and takes 1.5 instructions per
 * MAC), the loop for fewer rows (assembly too, for a smaller frame), and requantization of a block
 * of outputs. Each is a leaf: one inference's stack holds a kernel's frame and at most one of theirs. */
#include "tm_dsp.h"
#include <stddef.h>

#if TM_DSP_KERNELS

#ifndef TM_DSP_NATIVE
/* The assembly functions' arithmetic in C, for the host tests (TM_DSP_EMULATED). */
void tm_output_block(const tm_op *op, const tm_tensor *out, uint32_t first, const int32_t *acc, int32_t n,
                     int8_t *output)
{
    const uint32_t step = op->multipliers_count == 1 ? 0u : 1u;
    const int32_t *multiplier = op->multipliers + first * step;
    const int32_t *shift = op->shifts + first * step;
    const int32_t *bias = op->bias_count > 0 ? op->bias + first : 0;
    const int32_t output_offset = out->zero_point;
    const int8_t *end = output + n;
    while (output < end) {
        int32_t value = *acc++;
        if (bias != 0) {
            value = tm_add32(value, *bias++);
        }
        value = tm_add32(tm_scale(value, *multiplier, *shift), output_offset);
        multiplier += step;
        shift += step;
        value = value < op->activation_min ? op->activation_min : value;
        value = value > op->activation_max ? op->activation_max : value;
        *output++ = (int8_t)value;
    }
}

void tm_dot_rows(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t rows, int32_t offset,
                 int32_t acc[4])
{
    const uint32_t offset2 = tm_dup16(offset);
    const int32_t skip = stride - n;
    for (; rows > 0; rows--) {
        int32_t sum = *acc;
        int32_t k;
        for (k = n >> 2; k > 0; k--) {
            const uint32_t xw = tm_load4(x);
            const uint32_t ww = tm_load4(w);
            sum = tm_smlad(tm_sxtb16(ww), tm_sxtab16(offset2, xw), sum);
            sum = tm_smlad(tm_sxtb16_ror8(ww), tm_sxtab16_ror8(offset2, xw), sum);
            x += 4;
            w += 4;
        }
        for (k = n & 3; k > 0; k--) {
            sum += *w++ * (*x++ + offset);
        }
        *acc++ = sum;
        x -= n;
        w += skip;
    }
}

void tm_dw_window4(const int8_t *x, const int8_t *w, tm_dw_walk *walk)
{
    const int32_t skip = walk->cols * walk->channels;
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    int32_t ky, kx;
    for (ky = walk->rows; ky > 0; ky--) {
        for (kx = walk->cols; kx > 0; kx--) {
            const uint32_t xw = tm_load4(x);
            const uint32_t ww = tm_load4(w);
            const uint32_t x02 = tm_sxtab16(walk->offset2, xw);
            const uint32_t x13 = tm_sxtab16_ror8(walk->offset2, xw);
            a0 = tm_smlabb(tm_sxtb16(ww), x02, a0);
            a1 = tm_smlabb(tm_sxtb16_ror8(ww), x13, a1);
            a2 = tm_smlatt(tm_sxtb16(ww), x02, a2);
            a3 = tm_smlatt(tm_sxtb16_ror8(ww), x13, a3);
            x += walk->channels;
            w += walk->channels;
        }
        x += walk->x_row - skip;
        w += walk->w_row - skip;
    }
    walk->acc[0] = a0;
    walk->acc[1] = a1;
    walk->acc[2] = a2;
    walk->acc[3] = a3;
}

void tm_dot5(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t offset, int32_t acc[5])
{
    int32_t r;
    for (r = 0; r < 5; r++) {
        const int8_t *wr = w + r * stride;
        int32_t k;
        for (k = 0; k < n; k++) {
            acc[r] += wr[k] * (x[k] + offset);
        }
    }
}

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


/* void tm_output_block(const tm_op *op, const tm_tensor *out, uint32_t first, const int32_t *acc,
 *                      int32_t n, int8_t *output):
 * tm_scale (tm_dsp.h) and the clamp for n outputs (n <= 5). Where |x| < 2^30 (nearly always),
 * SMMULR, and RoundingDivideByPOT as one add and a shift: (high + ((2^right - sign(high)) >> 1))
 * >> right rounds half away from zero as gemmlowp's remainder and threshold do, and cannot
 * overflow there (|high| < 2^30); there too the clamp is taken before the zero point is added, to
 * bounds less the zero point (the same result, as nothing wraps). Else the 64-bit product with
 * 2^30 added, shifted right by 31, gemmlowp's own rounding, the zero point added (wrapping) and
 * then the clamp. Two loops: one multiplier and shift a channel (the pointers step with the
 * outputs, the bounds wait in registers), or one for all. Registers: r3 acc, r4/r5 the multiplier
 * and shift, r7 the bias (or zeros), r8 the output zero point, r9 the count, r10 output; per
 * channel r0/r6 the bounds less the zero point, for all r0 op (the clamp read from it each time)
 * and r6 the step, 0; r1 the value, r2 the shift then the right shift, r11 the high word, r12 and
 * lr scratch. gcc's version took a 48-byte frame; this one is 36. */
typedef char tm_output_block_offsets_checked[(offsetof(tm_op, activation_min) == 20
    && offsetof(tm_op, activation_max) == 24 && offsetof(tm_op, bias) == 40 && offsetof(tm_op, bias_count) == 44
    && offsetof(tm_op, multipliers) == 48 && offsetof(tm_op, multipliers_count) == 52
    && offsetof(tm_op, shifts) == 56 && offsetof(tm_tensor, zero_point) == 24) ? 1 : -1];
/* the bias of ops without one: five zeros, one for each output of a block */
const int32_t tm_no_bias[5] = {0, 0, 0, 0, 0};
/* r1 value plus bias; r2 shift -> right shift, r1 x, r11 high, rounded if |x| < 2^30, else
 * branch to `wide` with r12 the multiplier */
#define TM_SCALE_FAST(wide)                     \
    "bic     r11, r2, r2, asr #31\n"   /* left = max(shift, 0) */ \
    "sub     r2, r11, r2\n"            /* right = left - shift */ \
    "lsl     r1, r1, r11\n"            /* x */                    \
    "adds    lr, r1, #0x40000000\n"    /* negative where |x| >= 2^30 */ \
    "bmi     " wide "\n"                                          \
    "lsl     lr, r1, #1\n"                                        \
    "smmulr  r11, lr, r12\n"           /* high */                 \
    "mov     r12, #1\n"                                           \
    "lsl     r12, r12, r2\n"                                      \
    "sub     r12, r12, r11, lsr #31\n"                            \
    "lsr     r12, r12, #1\n"           /* the nudge (unsigned: 2^31 at right = 31) */ \
    "add     r11, r11, r12\n"                                     \
    "asr     r11, r11, r2\n"
/* |x| >= 2^30: r11 = the 64-bit product's high word, rounded gemmlowp's way, plus the zero point */
#define TM_SCALE_WIDE                           \
    "cmp     r1, #0x80000000\n"                                   \
    "bne     1f\n"                                                \
    "cmp     r12, #0x80000000\n"                                  \
    "bne     1f\n"                                                \
    "mvn     r11, #0x80000000\n"       /* INT32_MIN * INT32_MIN saturates */ \
    "b       2f\n"                                                \
    "1:\n"                                                        \
    "smull   lr, r11, r1, r12\n"                                  \
    "adds    lr, lr, #0x40000000\n"                               \
    "adc     r11, r11, #0\n"                                      \
    "lsl     r11, r11, #1\n"                                      \
    "orr     r11, r11, lr, lsr #31\n"                             \
    "2:\n"                                                        \
    "mov     r12, #1\n"                                           \
    "lsl     r12, r12, r2\n"                                      \
    "sub     r12, r12, #1\n"           /* mask */                 \
    "and     lr, r11, r12\n"           /* remainder */            \
    "asr     r12, r12, #1\n"                                      \
    "sub     r12, r12, r11, asr #31\n" /* threshold */            \
    "asr     r11, r11, r2\n"                                      \
    "cmp     lr, r12\n"                                           \
    "it      gt\n"                                                \
    "addgt   r11, r11, #1\n"                                      \
    "add     r11, r11, r8\n"
__asm__(
    "    .section .text.tm_output_block,\"ax\",%progbits\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .align  2\n"
    "    .global tm_output_block\n"
    "    .type   tm_output_block, %function\n"
    "    .thumb_func\n"
    "tm_output_block:\n"
    "push    {r4-r11, lr}\n"
    "ldr     r9, [sp, #36]\n"          /* n */
    "ldr     r10, [sp, #40]\n"         /* output */
    "ldr     r8, [r1, #24]\n"          /* the output zero point */
    "ldr     r6, [r0, #52]\n"          /* one multiplier, or one a channel */
    "cmp     r6, #1\n"
    "ite     eq\n"
    "moveq   r6, #0\n"
    "movne   r6, #4\n"
    "ldr     r4, [r0, #48]\n"
    "mla     r4, r2, r6, r4\n"         /* the first channel's multiplier */
    "ldr     r5, [r0, #56]\n"
    "mla     r5, r2, r6, r5\n"         /* and shift */
    "ldr     r7, [r0, #44]\n"
    "cmp     r7, #0\n"
    "itte    ne\n"
    "ldrne   r7, [r0, #40]\n"
    "addne   r7, r7, r2, lsl #2\n"     /* the first channel's bias */
    "ldreq   r7, =tm_no_bias\n"
    "cmp     r9, #0\n"
    "ble     9f\n"
    "cmp     r6, #0\n"
    "beq     20f\n"
    "ldr     r6, [r0, #24]\n"
    "sub     r6, r6, r8\n"             /* the bounds less the zero point */
    "ldr     r0, [r0, #20]\n"
    "sub     r0, r0, r8\n"
    "10:\n"                           /* one multiplier a channel */
    "ldr     r1, [r3], #4\n"
    "ldr     r2, [r7], #4\n"
    "add     r1, r1, r2\n"
    "ldr     r2, [r5], #4\n"
    "ldr     r12, [r4], #4\n"
    TM_SCALE_FAST("15f")
    "cmp     r11, r0\n"
    "it      lt\n"
    "movlt   r11, r0\n"
    "cmp     r11, r6\n"
    "it      gt\n"
    "movgt   r11, r6\n"
    "add     r11, r11, r8\n"
    "11:\n"
    "strb    r11, [r10], #1\n"
    "subs    r9, r9, #1\n"
    "bne     10b\n"
    "9:\n"
    "pop     {r4-r11, pc}\n"
    "15:\n"
    TM_SCALE_WIDE
    "add     r12, r0, r8\n"
    "cmp     r11, r12\n"
    "it      lt\n"
    "movlt   r11, r12\n"
    "add     r12, r6, r8\n"
    "cmp     r11, r12\n"
    "it      gt\n"
    "movgt   r11, r12\n"
    "b       11b\n"
    "20:\n"                           /* one multiplier for all */
    "ldr     r1, [r3], #4\n"
    "ldr     r2, [r7], #4\n"
    "add     r1, r1, r2\n"
    "ldr     r2, [r5]\n"
    "ldr     r12, [r4]\n"
    TM_SCALE_FAST("25f")
    "add     r11, r11, r8\n"
    "21:\n"
    "ldr     r12, [r0, #20]\n"
    "cmp     r11, r12\n"
    "it      lt\n"
    "movlt   r11, r12\n"
    "ldr     r12, [r0, #24]\n"
    "cmp     r11, r12\n"
    "it      gt\n"
    "movgt   r11, r12\n"
    "strb    r11, [r10], #1\n"
    "subs    r9, r9, #1\n"
    "bne     20b\n"
    "pop     {r4-r11, pc}\n"
    "25:\n"
    TM_SCALE_WIDE
    "b       21b\n"
    ".ltorg\n"
    "    .size   tm_output_block, .-tm_output_block\n");

/* void tm_dot5_rows5(const int8_t *x, const int8_t *w, int32_t stride, int32_t *acc, int32_t n,
 *                    uint32_t offset2):
 * tm_dot4_rows4 for five rows: each word of x widened once for five rows (28 instructions for 20
 * MACs, 1.4 each, where four rows take 1.44), eight words a loop. Registers: r0 x, r1 rows 0-2 (rows 1 and 2 at the
 * stride and twice it), r3 rows 3-4, r4 stride, r2 offset2, r5-r9 the sums, r10/r11 the input
 * pairs, r12 a weight word, lr its widened half. No register is left for the loop's end: it waits
 * in n's stack slot, the n % 4 bytes after the groups in offset2's, and acc in r3's (pushed). */
#define TM_DOT5_ROW(load, sum)                  \
    "ldr     r12, " load "\n"                    \
    "sxtb16  lr, r12\n"                          \
    "smlad   " sum ", lr, r10, " sum "\n"        \
    "sxtb16  r12, r12, ror #8\n"                 \
    "smlad   " sum ", r12, r11, " sum "\n"
#define TM_DOT5_STEP                            \
    "ldr     r12, [r0], #4\n"                    \
    "sxtab16 r10, r2, r12\n"                     \
    "sxtab16 r11, r2, r12, ror #8\n"             \
    TM_DOT5_ROW("[r1, r4]", "r6")                \
    TM_DOT5_ROW("[r1, r4, lsl #1]", "r7")        \
    TM_DOT5_ROW("[r1], #4", "r5")                \
    TM_DOT5_ROW("[r3, r4]", "r9")                \
    TM_DOT5_ROW("[r3], #4", "r8")
#define TM_DOT5_BYTE(load, sum)                 \
    "ldrsb   r12, " load "\n"                    \
    "mla     " sum ", r12, r10, " sum "\n"

__asm__(
    "    .section .text.tm_dot5_rows5,\"ax\",%progbits\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .align  2\n"
    "    .global tm_dot5_rows5\n"
    "    .type   tm_dot5_rows5, %function\n"
    "    .thumb_func\n"
    "tm_dot5_rows5:\n"
    "push    {r3-r11, lr}\n"
    "mov     r4, r2\n"
    "ldr     r10, [sp, #40]\n"         /* n */
    "ldr     r2, [sp, #44]\n"          /* offset2 */
    "and     r11, r10, #3\n"
    "str     r11, [sp, #44]\n"         /* the bytes after the last group */
    "lsr     r10, r10, #2\n"           /* the groups of four */
    "add     r3, r4, r4, lsl #1\n"
    "add     r3, r1, r3\n"             /* row 3 */
    "ldr     r12, [sp]\n"
    "ldm     r12, {r5-r9}\n"
    "tst     r10, #4\n"               /* four groups beyond a multiple of eight, unrolled */
    "beq     2f\n"
    "str     r10, [sp, #40]\n"
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    "ldr     r10, [sp, #40]\n"
    "sub     r10, r10, #4\n"
    "2:\n"                            /* then the groups beyond a multiple of four, one at a time */
    "tst     r10, #3\n"
    "beq     4f\n"
    "str     r10, [sp, #40]\n"
    TM_DOT5_STEP
    "ldr     r10, [sp, #40]\n"
    "sub     r10, r10, #1\n"
    "b       2b\n"
    "4:\n"
    "add     r10, r0, r10, lsl #2\n"   /* the end of the groups */
    "str     r10, [sp, #40]\n"
    "cmp     r0, r10\n"
    "beq     3f\n"
    "1:\n"
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    TM_DOT5_STEP
    "ldr     r12, [sp, #40]\n"
    "cmp     r0, r12\n"
    "bne     1b\n"
    "3:\n"
    "ldr     lr, [sp, #44]\n"
    "sxth    r11, r2\n"                /* the offset */
    "b       6f\n"
    "5:\n"                            /* the last bytes, one at a time */
    "ldrsb   r10, [r0], #1\n"
    "add     r10, r10, r11\n"
    TM_DOT5_BYTE("[r1, r4]", "r6")
    TM_DOT5_BYTE("[r1, r4, lsl #1]", "r7")
    TM_DOT5_BYTE("[r1], #1", "r5")
    TM_DOT5_BYTE("[r3, r4]", "r9")
    TM_DOT5_BYTE("[r3], #1", "r8")
    "6:\n"
    "subs    lr, lr, #1\n"
    "bpl     5b\n"
    "ldr     r12, [sp]\n"
    "stm     r12, {r5-r9}\n"
    "pop     {r3-r11, pc}\n"
    "    .size   tm_dot5_rows5, .-tm_dot5_rows5\n");

/* void tm_dw_window4(const int8_t *x, const int8_t *w, tm_dw_walk *walk):
 * Registers: r0 x, r1 w, r2 walk, r4-r7 the sums, r8 channels, r9 offset2, r3/r11 the widened
 * input pairs, r12 a weight word widened, r10 the other half (3x3 windows) or the rows left (then
 * the word is loaded twice: one register fewer), lr the input row step or the cells left in a row.
 * Cells of a row of three are addressed as offsets of the row start: ten instructions a cell in a
 * whole 3x3 window, eleven in other rows of three, thirteen elsewhere. */
typedef char tm_dw_walk_offsets_checked[(offsetof(tm_dw_walk, cols) == 4 && offsetof(tm_dw_walk, x_row) == 8
    && offsetof(tm_dw_walk, w_row) == 12 && offsetof(tm_dw_walk, channels) == 16
    && offsetof(tm_dw_walk, offset2) == 20 && offsetof(tm_dw_walk, acc) == 24) ? 1 : -1];
#define TM_DW_CELL(xa, wa)                       \
    "ldr     r3, " xa "\n"                        \
    "ldr     r12, " wa "\n"                       \
    "sxtab16 r11, r9, r3\n"                       \
    "sxtab16 r3, r9, r3, ror #8\n"                \
    "sxtb16  r10, r12\n"                          \
    "sxtb16  r12, r12, ror #8\n"                  \
    "smlabb  r4, r10, r11, r4\n"                  \
    "smlatt  r6, r10, r11, r6\n"                  \
    "smlabb  r5, r12, r3, r5\n"                   \
    "smlatt  r7, r12, r3, r7\n"
#define TM_DW_CELL_TIGHT(xa, wa)                 \
    "ldr     r3, " xa "\n"                        \
    "ldr     r12, " wa "\n"                       \
    "sxtab16 r11, r9, r3\n"                       \
    "sxtab16 r3, r9, r3, ror #8\n"                \
    "sxtb16  r12, r12\n"                          \
    "smlabb  r4, r12, r11, r4\n"                  \
    "smlatt  r6, r12, r11, r6\n"                  \
    "ldr     r12, " wa "\n"                       \
    "sxtb16  r12, r12, ror #8\n"                  \
    "smlabb  r5, r12, r3, r5\n"                   \
    "smlatt  r7, r12, r3, r7\n"
#define TM_DW_ROW3(cell)                         \
    cell("[r0]", "[r1]")                         \
    cell("[r0, r8]", "[r1, r8]")                 \
    cell("[r0, r8, lsl #1]", "[r1, r8, lsl #1]")
#define TM_DW_NEXT_ROW                           \
    "add     r0, r0, lr\n"                        \
    "ldr     r12, [r2, #12]\n"                    \
    "add     r1, r1, r12\n"
__asm__(
    "    .section .text.tm_dw_window4,\"ax\",%progbits\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .align  2\n"
    "    .global tm_dw_window4\n"
    "    .type   tm_dw_window4, %function\n"
    "    .thumb_func\n"
    "tm_dw_window4:\n"
    "push    {r4-r11, lr}\n"
    "movs    r4, #0\n"
    "movs    r5, #0\n"
    "movs    r6, #0\n"
    "movs    r7, #0\n"
    "ldr     r10, [r2]\n"             /* rows */
    "ldr     lr, [r2, #4]\n"          /* cols */
    "ldr     r8, [r2, #16]\n"
    "ldr     r9, [r2, #20]\n"
    "cmp     lr, #3\n"
    "bne     5f\n"
    "ldr     lr, [r2, #8]\n"          /* the input row step */
    "cmp     r10, #3\n"
    "bne     2f\n"
    TM_DW_ROW3(TM_DW_CELL)            /* a whole 3x3 window */
    TM_DW_NEXT_ROW
    TM_DW_ROW3(TM_DW_CELL)
    TM_DW_NEXT_ROW
    TM_DW_ROW3(TM_DW_CELL)
    "b       9f\n"
    "2:\n"                           /* other rows of three cells */
    "cmp     r10, #0\n"
    "ble     9f\n"
    "1:\n"
    TM_DW_ROW3(TM_DW_CELL_TIGHT)
    TM_DW_NEXT_ROW
    "subs    r10, r10, #1\n"
    "bne     1b\n"
    "b       9f\n"
    "5:\n"                           /* other rows, a cell at a time */
    "cmp     r10, #0\n"
    "ble     9f\n"
    "6:\n"
    "ldr     lr, [r2, #4]\n"
    "cmp     lr, #0\n"
    "ble     8f\n"
    "7:\n"
    TM_DW_CELL_TIGHT("[r0]", "[r1]")
    "add     r0, r0, r8\n"
    "add     r1, r1, r8\n"
    "subs    lr, lr, #1\n"
    "bne     7b\n"
    "8:\n"                           /* to the next row's start: the row step less the cells walked */
    "ldr     lr, [r2, #4]\n"
    "mul     r3, lr, r8\n"
    "ldr     r12, [r2, #8]\n"
    "sub     r12, r12, r3\n"
    "add     r0, r0, r12\n"
    "ldr     r12, [r2, #12]\n"
    "sub     r12, r12, r3\n"
    "add     r1, r1, r12\n"
    "subs    r10, r10, #1\n"
    "bne     6b\n"
    "9:\n"
    "add     r3, r2, #24\n"
    "stm     r3, {r4-r7}\n"
    "pop     {r4-r11, pc}\n"
    "    .size   tm_dw_window4, .-tm_dw_window4\n");

/* void tm_dot_rows(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t rows,
 *                  int32_t offset, int32_t acc[4]):
 * one row at a time, four bytes a loop, then the last n % 4. Registers: r0 x and r1 the row's
 * weights (both walk; x steps back after each row), r2 stride - n, r3 n, r4 rows, r5 the offset in
 * both 16-bit halves, r6 acc, r7 the sum, r8 the count, r9/r12 the words, r10/lr their widened
 * halves. Written out because gcc keeps loop invariants in a 56-byte frame; this one is 32. */
__asm__(
    "    .section .text.tm_dot_rows,\"ax\",%progbits\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .align  2\n"
    "    .global tm_dot_rows\n"
    "    .type   tm_dot_rows, %function\n"
    "    .thumb_func\n"
    "tm_dot_rows:\n"
    "push    {r4-r10, lr}\n"
    "ldr     r4, [sp, #32]\n"
    "ldr     r5, [sp, #36]\n"
    "ldr     r6, [sp, #40]\n"
    "sub     r2, r2, r3\n"
    "pkhbt   r5, r5, r5, lsl #16\n"
    "b       7f\n"
    "1:\n"
    "ldr     r7, [r6]\n"
    "lsrs    r8, r3, #2\n"
    "beq     3f\n"
    "2:\n"
    "ldr     r9, [r0], #4\n"
    "ldr     r12, [r1], #4\n"
    "sxtab16 lr, r5, r9\n"
    "sxtb16  r10, r12\n"
    "smlad   r7, r10, lr, r7\n"
    "sxtab16 lr, r5, r9, ror #8\n"
    "sxtb16  r12, r12, ror #8\n"
    "smlad   r7, r12, lr, r7\n"
    "subs    r8, r8, #1\n"
    "bne     2b\n"
    "3:\n"
    "ands    r8, r3, #3\n"
    "beq     5f\n"
    "sxth    r10, r5\n"
    "4:\n"
    "ldrsb   r9, [r0], #1\n"
    "ldrsb   r12, [r1], #1\n"
    "add     r9, r9, r10\n"
    "mla     r7, r12, r9, r7\n"
    "subs    r8, r8, #1\n"
    "bne     4b\n"
    "5:\n"
    "str     r7, [r6], #4\n"
    "sub     r0, r0, r3\n"
    "add     r1, r1, r2\n"
    "7:\n"
    "subs    r4, r4, #1\n"
    "bpl     1b\n"
    "pop     {r4-r10, pc}\n"
    "    .size   tm_dot_rows, .-tm_dot_rows\n");

#endif

#endif
