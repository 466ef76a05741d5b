/*
 * What the DSP kernels (tm_*_dsp.c) build on: the Cortex-M4/M7/M33 DSP extension's SIMD
 * instructions through ACLE intrinsics (arm_acle.h), and requantization written for speed.
 *
 * Where TM_DSP_EMULATED asks for the DSP kernels on another machine (tm_kernels.h), the
 * instructions are plain C below, spelled from the Armv7-M Architecture Reference Manual, so that
 * the host tests run the DSP kernels' own loops under the sanitizers (the qemu-m4 board runs the
 * real instructions).
 * Both paths rely on gcc/clang's arithmetic right shift of negative values.
 */
#ifndef TM_DSP_H
#define TM_DSP_H

#include <stdint.h>
#include <string.h>
#include "tm_kernels.h"

#if TM_DSP_KERNELS

#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP
#include <arm_acle.h>
#define TM_DSP_NATIVE 1
#endif

/* A function kept out of line, so that its frame is on the stack only while it runs. */
#if defined(__GNUC__)
#define TM_NOINLINE __attribute__((noinline))
#else
#define TM_NOINLINE
#endif

/* gcc's optimization options for one function (clang has no such attribute; its frames differ). */
#if defined(__GNUC__) && !defined(__clang__)
#define TM_GCC_OPTIMIZE(options) __attribute__((optimize(options)))
#else
#define TM_GCC_OPTIMIZE(options)
#endif

/* Four bytes from any address (LDR allows unaligned addresses on Armv7-M). */
static inline uint32_t tm_load4(const int8_t *p)
{
    uint32_t word;
    memcpy(&word, p, 4);
    return word;
}

static inline void tm_store4(int8_t *p, uint32_t word)
{
    memcpy(p, &word, 4);
}


#ifdef TM_DSP_NATIVE

static inline uint32_t tm_sxtb16(uint32_t x) { return (uint32_t)__sxtb16((int8x4_t)x); }
static inline uint32_t tm_sxtab16(uint32_t a, uint32_t x) { return (uint32_t)__sxtab16((int16x2_t)a, (int8x4_t)x); }
static inline int32_t tm_smlad(uint32_t a, uint32_t b, int32_t acc) { return __smlad((int16x2_t)a, (int16x2_t)b, acc); }
/* The same on bytes 1 and 3 (x rotated right by 8), one instruction; ACLE has no rotated form. */
static inline uint32_t tm_sxtb16_ror8(uint32_t x)
{
    uint32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
    return r;
}
static inline uint32_t tm_sxtab16_ror8(uint32_t a, uint32_t x)
{
    uint32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x));
    return r;
}
static inline int32_t tm_smlabb(uint32_t a, uint32_t b, int32_t acc) { return __smlabb((int32_t)a, (int32_t)b, acc); }
static inline int32_t tm_smlatt(uint32_t a, uint32_t b, int32_t acc) { return __smlatt((int32_t)a, (int32_t)b, acc); }
/* Bytewise a - b, setting the APSR.GE bit of every lane where a >= b; tm_sel then picks
 * a's byte where GE is set, b's elsewhere. Used as a pair, nothing in between. */
static inline uint32_t tm_ssub8(uint32_t a, uint32_t b) { return (uint32_t)__ssub8((int8x4_t)a, (int8x4_t)b); }
static inline uint32_t tm_sel(uint32_t a, uint32_t b) { return (uint32_t)__sel((uint8x4_t)a, (uint8x4_t)b); }

/* Bytewise signed maximum and minimum of four int8 lanes. */
static inline uint32_t tm_max4(uint32_t a, uint32_t b)
{
    (void)tm_ssub8(a, b);
    return tm_sel(a, b);
}

static inline uint32_t tm_min4(uint32_t a, uint32_t b)
{
    (void)tm_ssub8(a, b);
    return tm_sel(b, a);
}

#else /* TM_DSP_EMULATED */

static inline int32_t tm_lane16(uint32_t x, int lane) { return (int16_t)(uint16_t)(x >> (16 * lane)); }
static inline int32_t tm_lane8(uint32_t x, int lane) { return (int8_t)(uint8_t)(x >> (8 * lane)); }
static inline uint32_t tm_pack16(int32_t lo, int32_t hi) { return ((uint32_t)lo & 0xFFFFu) | ((uint32_t)hi << 16); }

static inline uint32_t tm_sxtb16(uint32_t x) { return tm_pack16(tm_lane8(x, 0), tm_lane8(x, 2)); }
static inline uint32_t tm_sxtab16(uint32_t a, uint32_t x)
{
    return tm_pack16(tm_lane16(a, 0) + tm_lane8(x, 0), tm_lane16(a, 1) + tm_lane8(x, 2));
}
static inline uint32_t tm_sxtb16_ror8(uint32_t x) { return tm_sxtb16((x >> 8) | (x << 24)); }
static inline uint32_t tm_sxtab16_ror8(uint32_t a, uint32_t x) { return tm_sxtab16(a, (x >> 8) | (x << 24)); }
/* The accumulation wraps modulo 2^32, as the instruction does. */
static inline int32_t tm_smlad(uint32_t a, uint32_t b, int32_t acc)
{
    const int32_t p0 = tm_lane16(a, 0) * tm_lane16(b, 0);
    const int32_t p1 = tm_lane16(a, 1) * tm_lane16(b, 1);
    return (int32_t)((uint32_t)acc + (uint32_t)p0 + (uint32_t)p1);
}
static inline int32_t tm_smlabb(uint32_t a, uint32_t b, int32_t acc)
{
    return (int32_t)((uint32_t)acc + (uint32_t)(tm_lane16(a, 0) * tm_lane16(b, 0)));
}
static inline int32_t tm_smlatt(uint32_t a, uint32_t b, int32_t acc)
{
    return (int32_t)((uint32_t)acc + (uint32_t)(tm_lane16(a, 1) * tm_lane16(b, 1)));
}
static inline uint32_t tm_max4(uint32_t a, uint32_t b)
{
    uint32_t r = 0;
    int k;
    for (k = 0; k < 4; k++) {
        const int32_t x = tm_lane8(a, k) > tm_lane8(b, k) ? tm_lane8(a, k) : tm_lane8(b, k);
        r |= ((uint32_t)x & 0xFFu) << (8 * k);
    }
    return r;
}
static inline uint32_t tm_min4(uint32_t a, uint32_t b)
{
    uint32_t r = 0;
    int k;
    for (k = 0; k < 4; k++) {
        const int32_t x = tm_lane8(a, k) < tm_lane8(b, k) ? tm_lane8(a, k) : tm_lane8(b, k);
        r |= ((uint32_t)x & 0xFFu) << (8 * k);
    }
    return r;
}

#endif

/* A 16-bit value in both halves of a word (the SXTAB16 addend that adds an offset to two lanes). */
static inline uint32_t tm_dup16(int32_t v)
{
    return ((uint32_t)v & 0xFFFFu) * 0x00010001u;
}

/* An int8 value in all four bytes of a word. */
static inline uint32_t tm_dup8(int32_t v)
{
    return ((uint32_t)v & 0xFFu) * 0x01010101u;
}

/* a + b wrapping modulo 2^32 (tm_add_wrap, inlined). */
static inline int32_t tm_add32(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a + (uint32_t)b);
}

/*
 * tm_multiply_by_quantized_multiplier with a 64-bit multiply-add: gemmlowp's
 * SaturatingRoundingDoublingHighMul is (a*b + nudge) / 2^31 truncated toward zero, with nudge
 * 2^30 for a*b >= 0 and 1 - 2^30 below; for a*b < 0 truncating (a*b + 1 - 2^30) / 2^31 toward zero
 * equals flooring (a*b + 2^30) / 2^31, the same formula as for a*b >= 0, so one arithmetic shift
 * does both. RoundingDivideByPOT keeps its remainder/threshold form.
 */
static inline int32_t tm_scale(int32_t acc, int32_t multiplier, int32_t shift)
{
    const int32_t left = shift > 0 ? shift : 0;
    const int32_t right = left - shift;
    const int32_t x = (int32_t)((uint32_t)acc << left);
    const int32_t mask = (int32_t)(((uint32_t)1 << right) - 1u);
    int32_t high;
#ifdef TM_DSP_NATIVE
    if ((uint32_t)x + 0x40000000u < 0x80000000u) {
        /* |x| < 2^30: SMMULR's (2x * multiplier + 2^31) >> 32 is the same floor, one instruction */
        __asm__("smmulr %0, %1, %2" : "=r"(high) : "r"(x * 2), "r"(multiplier));
    } else
#endif
    high = x == INT32_MIN && multiplier == INT32_MIN ? INT32_MAX
        : (int32_t)(((int64_t)x * multiplier + ((int64_t)1 << 30)) >> 31);
    return (high >> right) + ((high & mask) > (mask >> 1) - (high >> 31) ? 1 : 0);
}

/* output[k] = channel (first + k)'s accumulator acc[k] plus its bias, requantized as tm_requantize
 * does, for k < n (n <= 5). Out of line (tm_dot_dsp.c) and called once a block of outputs: the
 * kernels' loops keep their registers, and its frame is on the stack beside the dot loop's, never
 * on top of it. */
void tm_output_block(const tm_op *op, const tm_tensor *out, uint32_t first, const int32_t *acc, int32_t n,
                     int8_t *output);

/* How tm_dw_window4 walks the part of a depthwise window inside the input: rows of cols cells,
 * channels bytes from one cell to the next, x_row and w_row bytes from the start of a row to the
 * start of the next in the input and the filter; offset2 the input offset in both 16-bit halves.
 * acc receives the sums. */
typedef struct {
    int32_t rows, cols;
    int32_t x_row, w_row;
    int32_t channels;
    uint32_t offset2;
    int32_t acc[4];
} tm_dw_walk;

/* walk->acc[k] = sum over the window of w[k] * (x[k] + offset), for the four channels k < 4 whose
 * first is at x and w (a depthwise convolution's window). Out of line like tm_output_block; in
 * Thumb-2 where native, 3x3 windows and rows of three cells unrolled. */
void tm_dw_window4(const int8_t *x, const int8_t *w, tm_dw_walk *walk);

/* acc[r] += sum over k < n of w_r[k] * (x[k] + offset) for the rows r < rows (rows < 4) of weights
 * w_r = w + r * stride; out of line like tm_output_block. */
void tm_dot_rows(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t rows, int32_t offset,
                 int32_t acc[4]);

#ifdef TM_DSP_NATIVE
/* tm_dot4 in Thumb-2 assembly (tm_dot_dsp.c), any n >= 0; offset2 is the offset in both 16-bit halves. */
void tm_dot4_rows4(const int8_t *x, const int8_t *w, int32_t stride, int32_t *acc, int32_t n, uint32_t offset2);
#endif

/* acc[r] += sum over k < n of w_r[k] * (x[k] + offset) for four weight rows w_r = w + r * stride:
 * each word of x is widened once (offset added) into two 16-bit pairs for the four rows. Sums of
 * products in any order stay below 2^31 (TM_MAX_DOT_LENGTH), so the order does not change them. */
#ifdef TM_DSP_NATIVE
static inline void tm_dot4(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t offset, int32_t acc[4])
{
    tm_dot4_rows4(x, w, stride, acc, n, tm_dup16(offset));
}
#else
void tm_dot4(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t offset, int32_t acc[4]);
#endif

/* The same for five rows (tm_dot5_rows5 in Thumb-2 where native): 1.4 instructions a MAC, where
 * four rows take 1.44; for kernels whose frame has room for five sums (fully connected). */
#ifdef TM_DSP_NATIVE
void tm_dot5_rows5(const int8_t *x, const int8_t *w, int32_t stride, int32_t *acc, int32_t n, uint32_t offset2);
static inline void tm_dot5(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t offset, int32_t acc[5])
{
    tm_dot5_rows5(x, w, stride, acc, n, tm_dup16(offset));
}
#else
void tm_dot5(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t offset, int32_t acc[5]);
#endif

/* The dot products of a block of rows (rows <= 4) with one run of input. */
static inline void tm_dot_block(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t rows,
                                int32_t offset, int32_t acc[4])
{
    if (rows == 4) {
        tm_dot4(x, w, stride, n, offset, acc);
    } else {
        tm_dot_rows(x, w, stride, n, rows, offset, acc);
    }
}

#endif /* TM_DSP_KERNELS */

#endif
