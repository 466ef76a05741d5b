/* MAX_POOL_2D and AVERAGE_POOL_2D int8 (TFLM reference_integer_ops::MaxPool / AveragePool):
 * only the window cells inside the input count; zero points are not used. */
#include "tm_kernels.h"

static int32_t max_of(int32_t a, int32_t b) { return a > b ? a : b; }
static int32_t min_of(int32_t a, int32_t b) { return a < b ? a : b; }

/* The window of output cell (oy, ox): its top-left input cell (y_origin, x_origin), above or left
 * of the input in padding, and the window rows [y_start, y_end) and columns [x_start, x_end) that
 * lie inside the input (TFLM's filter_y_start/end, filter_x_start/end). */
typedef struct {
    int32_t y_origin, x_origin;
    int32_t y_start, y_end;
    int32_t x_start, x_end;
} pool_bounds;

static pool_bounds pool_bounds_at(const tm_op *op, int32_t in_h, int32_t in_w, int32_t oy, int32_t ox)
{
    pool_bounds win;
    win.y_origin = oy * op->stride_h - op->pad_top;
    win.x_origin = ox * op->stride_w - op->pad_left;
    win.y_start = max_of(0, -win.y_origin);
    win.y_end = min_of(op->kernel_h, in_h - win.y_origin);
    win.x_start = max_of(0, -win.x_origin);
    win.x_end = min_of(op->kernel_w, in_w - win.x_origin);
    return win;
}

void tm_max_pool2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
                   const tm_tensor *out, int8_t *output)
{
    const int32_t in_h = (int32_t)in->dims[0];
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t channels = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    int32_t oy, ox, c, y, x;

    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const pool_bounds win = pool_bounds_at(op, in_h, in_w, oy, ox);
            for (c = 0; c < channels; c++) {
                int32_t max = -128;
                for (y = win.y_start; y < win.y_end; y++) {
                    for (x = win.x_start; x < win.x_end; x++) {
                        const int32_t in_y = win.y_origin + y;
                        const int32_t in_x = win.x_origin + x;
                        max = max_of(max, input[(in_y * in_w + in_x) * channels + c]);
                    }
                }
                max = max_of(max, op->activation_min);
                max = min_of(max, op->activation_max);
                output[(oy * out_w + ox) * channels + c] = (int8_t)max;
            }
        }
    }
}

void tm_average_pool2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
                       const tm_tensor *out, int8_t *output)
{
    const int32_t in_h = (int32_t)in->dims[0];
    const int32_t in_w = (int32_t)in->dims[1];
    const int32_t channels = (int32_t)in->dims[2];
    const int32_t out_h = (int32_t)out->dims[0];
    const int32_t out_w = (int32_t)out->dims[1];
    int32_t oy, ox, c, y, x;

    for (oy = 0; oy < out_h; oy++) {
        for (ox = 0; ox < out_w; ox++) {
            const pool_bounds win = pool_bounds_at(op, in_h, in_w, oy, ox);
            for (c = 0; c < channels; c++) {
                int32_t acc = 0;
                int32_t count = 0;
                int32_t average;
                for (y = win.y_start; y < win.y_end; y++) {
                    for (x = win.x_start; x < win.x_end; x++) {
                        const int32_t in_y = win.y_origin + y;
                        const int32_t in_x = win.x_origin + x;
                        acc += input[(in_y * in_w + in_x) * channels + c];
                        count++;
                    }
                }
                if (count == 0) {
                    count = 1; /* unreachable after tm_model_check; never divide by 0 */
                }
                /* round half away from zero, with C's truncating division */
                average = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                average = max_of(average, op->activation_min);
                average = min_of(average, op->activation_max);
                output[(oy * out_w + ox) * channels + c] = (int8_t)average;
            }
        }
    }
}
