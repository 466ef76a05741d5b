/* MEAN with the DSP extension: the bytes of tm_mean. Channels are innermost, so four neighbouring
 * channels are one word: their sums over the pixels go into two 16-bit pairs with SXTAB16, exact up
 * to 256 pixels (256 * -128 = -32768); larger inputs, and the channels after the last word, are
 * summed one channel at a time in 32 bits. */
#include "tm_kernels.h"
#include "tm_dsp.h"
#include "tm_arith.h"

#if TM_DSP_KERNELS

/* The most pixels whose int8 sum fits a 16-bit lane. */
#define MAX_PIXELS_16 256

static int8_t mean_of(const tm_op *op, const tm_tensor *in, const tm_tensor *out, int32_t sum, int32_t pixels)
{
    return tm_requantize(sum - in->zero_point * pixels, op->multipliers[0], op->shifts[0], out->zero_point,
                         op->activation_min, op->activation_max);
}

void tm_mean_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                 const tm_tensor *out, int8_t *output)
{
    const int32_t pixels = (int32_t)(in->dims[0] * in->dims[1]);
    const int32_t channels = (int32_t)in->dims[2];
    /* channels below simd_end go four at a time */
    const int32_t simd_end = pixels <= MAX_PIXELS_16 ? channels - 3 : 0;
    int32_t c, p;
    for (c = 0; c < simd_end; c += 4) {
        const int8_t *cell = input + c;
        uint32_t sum02 = 0;
        uint32_t sum13 = 0;
        for (p = pixels; p > 0; p--) {
            const uint32_t word = tm_load4(cell);
            sum02 = tm_sxtab16(sum02, word);
            sum13 = tm_sxtab16_ror8(sum13, word);
            cell += channels;
        }
        output[c] = mean_of(op, in, out, (int16_t)(sum02 & 0xFFFFu), pixels);
        output[c + 1] = mean_of(op, in, out, (int16_t)(sum13 & 0xFFFFu), pixels);
        output[c + 2] = mean_of(op, in, out, (int16_t)(sum02 >> 16), pixels);
        output[c + 3] = mean_of(op, in, out, (int16_t)(sum13 >> 16), pixels);
    }
    for (; c < channels; c++) {
        const int8_t *cell = input + c;
        int32_t sum = 0;
        for (p = pixels; p > 0; p--) {
            sum += *cell;
            cell += channels;
        }
        output[c] = mean_of(op, in, out, sum, pixels);
    }
}

#endif
