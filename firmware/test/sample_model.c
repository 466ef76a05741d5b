#include "sample_model.h"

/* Deterministic pseudo-random weights: the values only need to be varied. */
static int8_t conv_w[4 * 3 * 3 * 2], dw_w[3 * 3 * 4], fc_w[5 * 16];
static int32_t conv_b[4], dw_b[4], fc_b[5];
static int32_t conv_m[4], conv_s[4], dw_m[4], dw_s[4], fc_m[5], fc_s[5];
static const int32_t softmax_m = 1717986944, softmax_s = 23;

static tm_tensor tensors[SAMPLE_TENSORS] = {
    /* rank, dims, scale, zero point, arena offset, bytes: ping-pong at 0 and 128 */
    {3, {8, 8, 2, 1}, 0.05f, -3, 0, 128},
    {3, {8, 8, 4, 1}, 0.1f, -128, 128, 256},
    {3, {4, 4, 4, 1}, 0.1f, -128, 0, 64},
    {3, {4, 4, 4, 1}, 0.08f, 4, 128, 64},
    {3, {2, 2, 4, 1}, 0.08f, 4, 0, 16},
    {1, {16, 1, 1, 1}, 0.08f, 4, 128, 16},
    {1, {5, 1, 1, 1}, 0.2f, 10, 0, 5},
    {1, {5, 1, 1, 1}, 1.0f / 256, -128, 128, 5},
};

static tm_op ops[SAMPLE_OPS] = {
    {TM_OP_CONV_2D, 0, 1, 3, 3, 1, 1, 1, 1, -128, 127, 0,
     conv_w, sizeof conv_w, conv_b, 4, conv_m, 4, conv_s, 4},
    {TM_OP_MAX_POOL_2D, 1, 2, 2, 2, 2, 2, 0, 0, -128, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {TM_OP_DEPTHWISE_CONV_2D, 2, 3, 3, 3, 1, 1, 1, 1, -100, 100, 0,
     dw_w, sizeof dw_w, dw_b, 4, dw_m, 4, dw_s, 4},
    {TM_OP_AVERAGE_POOL_2D, 3, 4, 2, 2, 2, 2, 0, 0, -128, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {TM_OP_RESHAPE, 4, 5, 1, 1, 1, 1, 0, 0, -128, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {TM_OP_FULLY_CONNECTED, 5, 6, 1, 1, 1, 1, 0, 0, -128, 127, 0,
     fc_w, sizeof fc_w, fc_b, 5, fc_m, 5, fc_s, 5},
    {TM_OP_SOFTMAX, 6, 7, 1, 1, 1, 1, 0, 0, -128, 127, -248, 0, 0, 0, 0, &softmax_m, 1, &softmax_s, 1},
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
