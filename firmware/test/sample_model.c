#include "sample_model.h"
#include "../runtime/tm_kernels.h"

/* Deterministic pseudo-random weights: the values only need to be varied. */
static int8_t conv_w[4 * 3 * 3 * 2], dw_w[3 * 3 * 4], fc_w[5 * 16];
static int32_t conv_b[4], dw_b[4], fc_b[5];
static int32_t conv_m[4], conv_s[4], dw_m[4], dw_s[4], fc_m[5], fc_s[5];
static const int32_t softmax_m = 1717986944, softmax_s = 23;

/* Written as generated model.c files should be (designated initializers; ping-pong arena
 * plan: tensors at offsets 0 and 128). */
static tm_tensor tensors[SAMPLE_TENSORS] = {
    {.rank = 3, .dims = {8, 8, 2, 1}, .scale = 0.05f, .zero_point = -3, .arena_offset = 0, .bytes = 128},
    {.rank = 3, .dims = {8, 8, 4, 1}, .scale = 0.1f, .zero_point = -128, .arena_offset = 128, .bytes = 256},
    {.rank = 3, .dims = {4, 4, 4, 1}, .scale = 0.1f, .zero_point = -128, .arena_offset = 0, .bytes = 64},
    {.rank = 3, .dims = {4, 4, 4, 1}, .scale = 0.08f, .zero_point = 4, .arena_offset = 128, .bytes = 64},
    {.rank = 3, .dims = {2, 2, 4, 1}, .scale = 0.08f, .zero_point = 4, .arena_offset = 0, .bytes = 16},
    {.rank = 1, .dims = {16, 1, 1, 1}, .scale = 0.08f, .zero_point = 4, .arena_offset = 128, .bytes = 16},
    {.rank = 1, .dims = {5, 1, 1, 1}, .scale = 0.2f, .zero_point = 10, .arena_offset = 0, .bytes = 5},
    {.rank = 1, .dims = {5, 1, 1, 1}, .scale = 1.0f / 256, .zero_point = -128, .arena_offset = 128, .bytes = 5},
};

#define NO_WINDOW .kernel_h = 1, .kernel_w = 1, .stride_h = 1, .stride_w = 1
#define NO_CLAMP .activation_min = -128, .activation_max = 127

static tm_op ops[SAMPLE_OPS] = {
    {.opcode = TM_OP_CONV_2D, .input = 0, .output = 1,
     .kernel_h = 3, .kernel_w = 3, .stride_h = 1, .stride_w = 1, .pad_top = 1, .pad_left = 1, NO_CLAMP,
     .weights = conv_w, .weights_count = sizeof conv_w, .bias = conv_b, .bias_count = 4,
     .multipliers = conv_m, .multipliers_count = 4, .shifts = conv_s, .shifts_count = 4},
    {.opcode = TM_OP_MAX_POOL_2D, .input = 1, .output = 2,
     .kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2, NO_CLAMP},
    {.opcode = TM_OP_DEPTHWISE_CONV_2D, .input = 2, .output = 3,
     .kernel_h = 3, .kernel_w = 3, .stride_h = 1, .stride_w = 1, .pad_top = 1, .pad_left = 1,
     .activation_min = -100, .activation_max = 100,
     .weights = dw_w, .weights_count = sizeof dw_w, .bias = dw_b, .bias_count = 4,
     .multipliers = dw_m, .multipliers_count = 4, .shifts = dw_s, .shifts_count = 4},
    {.opcode = TM_OP_AVERAGE_POOL_2D, .input = 3, .output = 4,
     .kernel_h = 2, .kernel_w = 2, .stride_h = 2, .stride_w = 2, NO_CLAMP},
    {.opcode = TM_OP_RESHAPE, .input = 4, .output = 5, NO_WINDOW, NO_CLAMP},
    {.opcode = TM_OP_FULLY_CONNECTED, .input = 5, .output = 6, NO_WINDOW, NO_CLAMP,
     .weights = fc_w, .weights_count = sizeof fc_w, .bias = fc_b, .bias_count = 5,
     .multipliers = fc_m, .multipliers_count = 5, .shifts = fc_s, .shifts_count = 5},
    {.opcode = TM_OP_SOFTMAX, .input = 6, .output = 7, NO_WINDOW, NO_CLAMP, .diff_min = -248,
     .multipliers = &softmax_m, .multipliers_count = 1, .shifts = &softmax_s, .shifts_count = 1},
};

static const tm_model model = {tensors, SAMPLE_TENSORS, ops, SAMPLE_OPS, 0, 7, 384};

static uint32_t lcg(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static void fill_weights(int8_t *w, uint32_t n, uint32_t *state)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        w[i] = (int8_t)((int32_t)(lcg(state) % 255u) - 127);
    }
}

static void fill_channels(int32_t *bias, int32_t *m, int32_t *s, uint32_t n, int32_t shift, uint32_t *state)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        bias[i] = (int32_t)(lcg(state) % 2001u) - 1000;
        m[i] = 1073741824 + (int32_t)(lcg(state) % 1000000000u);
        s[i] = shift;
    }
}

/* The straight-line calls a generated model_invoke() makes. */
void sample_invoke_straight(int8_t *arena)
{
    tm_conv2d(&ops[0], &tensors[0], arena + 0, &tensors[1], arena + 128);
    tm_max_pool2d(&ops[1], &tensors[1], arena + 128, &tensors[2], arena + 0);
    tm_depthwise_conv2d(&ops[2], &tensors[2], arena + 0, &tensors[3], arena + 128);
    tm_average_pool2d(&ops[3], &tensors[3], arena + 128, &tensors[4], arena + 0);
    tm_reshape(&ops[4], &tensors[4], arena + 0, &tensors[5], arena + 128);
    tm_fully_connected(&ops[5], &tensors[5], arena + 128, &tensors[6], arena + 0);
    tm_softmax(&ops[6], &tensors[6], arena + 0, &tensors[7], arena + 128);
}

const tm_model *sample_model(void)
{
    uint32_t state = 42;
    fill_weights(conv_w, sizeof conv_w, &state);
    fill_weights(dw_w, sizeof dw_w, &state);
    fill_weights(fc_w, sizeof fc_w, &state);
    fill_channels(conv_b, conv_m, conv_s, 4, -7, &state);
    fill_channels(dw_b, dw_m, dw_s, 4, -8, &state);
    fill_channels(fc_b, fc_m, fc_s, 5, -7, &state);
    return &model;
}
