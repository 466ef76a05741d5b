/* The DSP kernels' innermost loop in Thumb-2 assembly (see tm_dot4 in tm_dsp.h): C compilers run
 * out of registers for four weight rows and spill inside the loop; written out, the loop keeps all
 * fourteen live values in registers and takes 1.5 instructions per MAC. */
#include "tm_dsp.h"

#ifdef TM_DSP_NATIVE

/* void tm_dot4_groups4(const int8_t *x, const int8_t *w, int32_t stride, int32_t *acc, int32_t groups,
 *                      uint32_t offset2):
 * acc[r] += sum over k < 4 * groups of w_r[k] * (x[k] + offset) for the four rows w_r = w + r * stride,
 * groups >= 1; offset2 is the input offset in both 16-bit halves. Sixteen bytes a loop, after the
 * groups of four that do not make a sixteen. Registers: r0 x, r1 rows 0-1,
 * r3 rows 2-3, r4 stride, r5 end of x, r6 offset2, r7-r10 the sums, r11/r12 the input pairs,
 * r2 and lr a weight word and its widened half. AAPCS: r4-r11 saved, the last two arguments on the stack. */
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
    "    .section .text.tm_dot4_groups4,\"ax\",%progbits\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .align  2\n"
    "    .global tm_dot4_groups4\n"
    "    .type   tm_dot4_groups4, %function\n"
    "    .thumb_func\n"
    "tm_dot4_groups4:\n"
    "push    {r4-r11, lr}\n"
    "ldr     r5, [sp, #36]\n"
    "ldr     r6, [sp, #40]\n"
    "mov     r4, r2\n"
    "push    {r3}\n"
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
    "add     r5, r0, r5, lsl #2\n"     /* the end of x */
    "1:\n"
    TM_DOT4_STEP
    TM_DOT4_STEP
    TM_DOT4_STEP
    TM_DOT4_STEP
    "cmp     r0, r5\n"
    "bne     1b\n"
    "3:\n"
    "pop     {r3}\n"
    "stm     r3, {r7-r10}\n"
    "pop     {r4-r11, pc}\n"
    "    .size   tm_dot4_groups4, .-tm_dot4_groups4\n");

#endif
