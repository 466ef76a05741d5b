/* MAX_POOL_2D and AVERAGE_POOL_2D with the DSP extension: the bytes of tm_pooling.c. Channels are
 * innermost, so four neighbouring channels are one word: the maximum is four bytewise SSUB8/SEL
 * lanes at once; the average sums them into two 16-bit pairs with SXTAB16 (exact up to 256
 * window cells; larger windows sum one channel at a time in 32 bits). */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS
#include "tm_window.h"

/* The most window cells whose int8 sum fits a 16-bit lane: 256 * -128 = -32768. */
#define MAX_CELLS_16 256

/* The common 2x2 stride-2 pool with every window inside the input (VALID, or SAME over even sizes;
 * SAME over an odd size pads the last row or column and takes the window loops). */
static int whole_2x2(const tm_op *op, const tm_tensor *in, const tm_tensor *out)
{
    return op->kernel_h == 2 && op->kernel_w == 2 && op->stride_h == 2 && op->stride_w == 2
        && op->pad_top == 0 && op->pad_left == 0
        && 2 * out->dims[0] <= in->dims[0] && 2 * out->dims[1] <= in->dims[1];
}

/* The whole 2x2 max pool over a multiple of four channels: four input words a word of output, no
 * window arithmetic. */
static void max_pool_2x2(const tm_tensor *in, const int8_t *input, const tm_tensor *out, int8_t *output,
                         uint32_t low4, uint32_t high4)
{
    const int32_t row = (int32_t)in->dims[1] * (int32_t)in->dims[2];
    const int32_t channels = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    int32_t oy, ox, c;
    for (oy = 0; oy < out_h; oy++) {
        const int8_t *top = input + 2 * oy * row;
        for (ox = 0; ox < out_w; ox++) {
            for (c = 0; c < channels; c += 4) {
                const int8_t *cell = top + 2 * ox * channels + c;
                uint32_t max = tm_max4(tm_max4(tm_load4(cell), tm_load4(cell + channels)),
                                       tm_max4(tm_load4(cell + row), tm_load4(cell + row + channels)));
                tm_store4(output, tm_min4(tm_max4(max, low4), high4));
                output += 4;
            }
        }
    }
}

void tm_max_pool2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                       const tm_tensor *out, int8_t *output)
{
    const int32_t in_h = (int32_t)in->dims[0];
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t channels = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    const uint32_t low4 = tm_dup8(op->activation_min);
    const uint32_t high4 = tm_dup8(op->activation_max);
    int32_t oy, ox, c, y, x;

    if (whole_2x2(op, in, out) && channels % 4 == 0) {
        max_pool_2x2(in, input, out, output, low4, high4);
        return;
    }
    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const tm_window win = tm_window_at(op, in_h, in_w, oy, ox);
            const int8_t *corner = input + ((win.y_origin + win.y_start) * in_w + win.x_origin + win.x_start) * channels;
            int8_t *pixel_out = output + (oy * out_w + ox) * channels;
            for (c = 0; c + 4 <= channels; c += 4) {
                uint32_t max = low4; /* the activation minimum, and >= -128 like the portable start */
                for (y = win.y_start; y < win.y_end; y++) {
                    const int8_t *cell = corner + (y - win.y_start) * in_w * channels + c;
                    for (x = win.x_start; x < win.x_end; x++) {
                        max = tm_max4(max, tm_load4(cell));
                        cell += channels;
                    }
                }
                tm_store4(pixel_out + c, tm_min4(max, high4));
            }
            for (; c < channels; c++) {
                int32_t max = op->activation_min;
                for (y = win.y_start; y < win.y_end; y++) {
                    const int8_t *cell = corner + (y - win.y_start) * in_w * channels + c;
                    for (x = win.x_start; x < win.x_end; x++) {
                        max = *cell > max ? *cell : max;
                        cell += channels;
                    }
                }
                pixel_out[c] = (int8_t)(max < op->activation_max ? max : op->activation_max);
            }
        }
    }
}

/* The portable kernel's rounding (half away from zero) and clamp. */
static int8_t average_of(int32_t sum, int32_t count, const tm_op *op)
{
    int32_t average = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
    average = average > op->activation_min ? average : op->activation_min;
    average = average < op->activation_max ? average : op->activation_max;
    return (int8_t)average;
}

/* The whole 2x2 average pool: four cells a window, summed four channels a word (two SXTAB16
 * lanes each way), the channels after the last word one at a time; no window arithmetic. */
static void average_pool_2x2(const tm_op *op, const tm_tensor *in, const int8_t *input, const tm_tensor *out,
                             int8_t *output)
{
    const int32_t row = (int32_t)in->dims[1] * (int32_t)in->dims[2];
    const int32_t channels = (int32_t)in->dims[2];
    int32_t oy, ox, c;
    for (oy = 0; oy < (int32_t)out->dims[0]; oy++) {
        const int8_t *top = input + 2 * oy * row;
        for (ox = 0; ox < (int32_t)out->dims[1]; ox++) {
            const int8_t *cell = top + 2 * ox * channels;
            for (c = 0; c + 4 <= channels; c += 4) {
                const uint32_t a = tm_load4(cell + c);
                const uint32_t b = tm_load4(cell + channels + c);
                const uint32_t d = tm_load4(cell + row + c);
                const uint32_t e = tm_load4(cell + row + channels + c);
                const uint32_t sum02 = tm_sxtab16(tm_sxtab16(tm_sxtab16(tm_sxtb16(a), b), d), e);
                const uint32_t sum13 = tm_sxtab16_ror8(tm_sxtab16_ror8(tm_sxtab16_ror8(tm_sxtb16_ror8(a), b), d), e);
                output[c] = average_of((int16_t)(sum02 & 0xFFFFu), 4, op);
                output[c + 1] = average_of((int16_t)(sum13 & 0xFFFFu), 4, op);
                output[c + 2] = average_of((int16_t)(sum02 >> 16), 4, op);
                output[c + 3] = average_of((int16_t)(sum13 >> 16), 4, op);
            }
            for (; c < channels; c++) {
                output[c] = average_of(cell[c] + cell[channels + c] + cell[row + c] + cell[row + channels + c], 4, op);
            }
            output += channels;
        }
    }
}

void tm_average_pool2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                           const tm_tensor *out, int8_t *output)
{
    const int32_t in_h = (int32_t)in->dims[0];
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t channels = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    /* channels below simd_end go four at a time */
    const int32_t simd_end = (int32_t)op->kernel_h * op->kernel_w <= MAX_CELLS_16 ? channels - 3 : 0;
    int32_t oy, ox, c, y, x;

    if (whole_2x2(op, in, out)) {
        average_pool_2x2(op, in, input, out, output);
        return;
    }
    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const tm_window win = tm_window_at(op, in_h, in_w, oy, ox);
            const int32_t count = (win.y_end - win.y_start) * (win.x_end - win.x_start);
            const int8_t *corner = input + ((win.y_origin + win.y_start) * in_w + win.x_origin + win.x_start) * channels;
            int8_t *pixel_out = output + (oy * out_w + ox) * channels;
            for (c = 0; c < simd_end; c += 4) {
                uint32_t sum02 = 0;
                uint32_t sum13 = 0;
                for (y = win.y_start; y < win.y_end; y++) {
                    const int8_t *cell = corner + (y - win.y_start) * in_w * channels + c;
                    for (x = win.x_start; x < win.x_end; x++) {
                        const uint32_t word = tm_load4(cell);
                        sum02 = tm_sxtab16(sum02, word);
                        sum13 = tm_sxtab16_ror8(sum13, word);
                        cell += channels;
                    }
                }
                pixel_out[c] = average_of((int16_t)(sum02 & 0xFFFFu), count, op);
                pixel_out[c + 1] = average_of((int16_t)(sum13 & 0xFFFFu), count, op);
                pixel_out[c + 2] = average_of((int16_t)(sum02 >> 16), count, op);
                pixel_out[c + 3] = average_of((int16_t)(sum13 >> 16), count, op);
            }
            for (; c < channels; c++) {
                int32_t sum = 0;
                for (y = win.y_start; y < win.y_end; y++) {
                    const int8_t *cell = corner + (y - win.y_start) * in_w * channels + c;
                    for (x = win.x_start; x < win.x_end; x++) {
                        sum += *cell;
                        cell += channels;
                    }
                }
                pixel_out[c] = average_of(sum, count, op);
            }
        }
    }
}

#endif
