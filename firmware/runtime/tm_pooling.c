/* MAX_POOL_2D and AVERAGE_POOL_2D int8 (TFLM reference_integer_ops::MaxPool / AveragePool):
 * only the window cells inside the input count; zero points are not used. */
#include "tm_kernels.h"
#include "tm_window.h"

static int32_t max_of(int32_t a, int32_t b) { return a > b ? a : b; }
static int32_t min_of(int32_t a, int32_t b) { return a < b ? a : b; }

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
            const tm_window win = tm_window_at(op, in_h, in_w, oy, ox);
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
            const tm_window win = tm_window_at(op, in_h, in_w, oy, ox);
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

/* Both poolings keep the channels and have no parameters. */
tm_status tm_pool2d_check(const tm_op *op, const tm_tensor *in, const tm_tensor *out, tm_op_needs *needs)
{
    (void)op;
    if (out->dims[2] != in->dims[2]) {
        needs->field = TM_OP_FIELD_OUTPUT;
        return TM_E_OP_SHAPE;
    }
    return TM_OK;
}
