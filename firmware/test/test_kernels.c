/* Kernels against TFLM's reference kernels (vectors/tflm-kernels.txt; setup in vectors/README.md). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "test_support.h"
#include "kernel_sets.h"

static tm_op window_op(uint8_t opcode, uint16_t k, uint16_t stride, uint16_t pad)
{
    tm_op op;
    memset(&op, 0, sizeof op);
    op.opcode = opcode;
    op.kernel_h = op.kernel_w = k;
    op.stride_h = op.stride_w = stride;
    op.pad_top = op.pad_left = pad;
    op.activation_min = -128;
    op.activation_max = 127;
    return op;
}

/* Reads integers after `label` in line into values; returns how many. */
static int read_ints(const char *line, const char *label, long *values, int max)
{
    const char *p = strstr(line, label);
    char *end;
    int n = 0;
    if (p == NULL) {
        return 0;
    }
    p += strlen(label);
    while (n < max) {
        long v = strtol(p, &end, 10);
        if (end == p) {
            break;
        }
        values[n++] = v;
        p = end;
    }
    return n;
}

static void conv_case(const test_kernel_set *k, const char *line, const char *input_line, const char *output_line)
{
    static const int8_t filter[18] = {1, -2, 3, -4, 5, -6, 7, -8, 9,
                                      127, -127, 64, -64, 32, -32, 16, -16, 8};
    static const int32_t bias[2] = {100, -250};
    int32_t multipliers[2], shifts[2];
    long v[64];
    int8_t input[16], output[32];
    tm_tensor in = test_tensor3(4, 4, 1, -10);
    tm_tensor out = test_tensor3(4, 4, 2, -20);
    tm_op op = window_op(TM_OP_CONV_2D, 3, 1, 1);
    int i;
    CHECK_INT(sscanf(line, "CONV mult=[%d,%d] shift=[%d,%d] act=[%d,%d]", &multipliers[0], &multipliers[1],
                     &shifts[0], &shifts[1], &op.activation_min, &op.activation_max), 6);
    test_op_arrays(&op, filter, 18, bias, 2, multipliers, 2, shifts, 2);
    CHECK_INT(read_ints(input_line, "input:", v, 64), 16);
    for (i = 0; i < 16; i++) {
        input[i] = (int8_t)v[i];
    }
    k->conv2d(&op, &in, input, &out, output);
    CHECK_INT(read_ints(output_line, "output(NHWC):", v, 64), 32);
    for (i = 0; i < 32; i++) {
        CHECK_INT(output[i], v[i]);
    }
}

static void fully_connected_case(const test_kernel_set *k, const char *line)
{
    static const int8_t xf[20] = {1, 2, 3, 4, 5, 6, 7, 8, -9, -10, 1, 2, 3, 4, 5, 6, 7, -8, 9, -10};
    static const int32_t bias[3] = {1, 2, 3};
    int8_t weights[30], input[10], output[3];
    int32_t multiplier, shift;
    long expected[6];
    tm_tensor in = test_tensor3(1, 1, 10, -1);
    tm_tensor out = test_tensor3(1, 1, 3, -1);
    tm_op op = window_op(TM_OP_FULLY_CONNECTED, 1, 1, 0);
    int row, i;
    in.rank = 1; /* any rank: FC reads bytes */
    in.dims[0] = 10;
    in.dims[2] = 1;
    CHECK_INT(sscanf(line, "FC mult=%d shift=%d", &multiplier, &shift), 2);
    CHECK_INT(read_ints(line, "out:", expected, 6), 6);
    for (i = 0; i < 30; i++) {
        weights[i] = (int8_t)(i % 10 + 1);
    }
    test_op_arrays(&op, weights, 30, bias, 3, &multiplier, 1, &shift, 1); /* per tensor */
    for (row = 0; row < 2; row++) {
        for (i = 0; i < 10; i++) {
            input[i] = (int8_t)(xf[row * 10 + i] - 1);
        }
        k->fully_connected(&op, &in, input, &out, output);
        for (i = 0; i < 3; i++) {
            CHECK_INT(output[i], expected[row * 3 + i]);
        }
    }
}

static void average_pool_2x2_case(const test_kernel_set *k, const char *line)
{
    long v[16];
    int8_t input[8], output[2];
    tm_tensor in = test_tensor3(2, 4, 1, 0);
    tm_tensor out = test_tensor3(1, 2, 1, 0);
    tm_op op = window_op(TM_OP_AVERAGE_POOL_2D, 2, 2, 0);
    int i;
    CHECK_INT(sscanf(line, "AVGPOOL in: %ld %ld %ld %ld / %ld %ld %ld %ld -> %ld %ld", &v[0], &v[1], &v[2],
                     &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9]), 10);
    for (i = 0; i < 8; i++) {
        input[i] = (int8_t)v[i];
    }
    k->average_pool2d(&op, &in, input, &out, output);
    CHECK_INT(output[0], v[8]);
    CHECK_INT(output[1], v[9]);
}

static void pool_3x3_same_case(const test_kernel_set *k, const char *line, int average)
{
    long expected[9];
    int8_t input[9], output[9];
    tm_tensor in = test_tensor3(3, 3, 1, 0);
    tm_tensor out = test_tensor3(3, 3, 1, 0);
    tm_op op = window_op(average ? TM_OP_AVERAGE_POOL_2D : TM_OP_MAX_POOL_2D, 3, 1, 1);
    int i;
    CHECK_INT(read_ints(line, "->", expected, 9), 9);
    for (i = 0; i < 9; i++) {
        input[i] = (int8_t)(i + 1);
    }
    if (average) {
        k->average_pool2d(&op, &in, input, &out, output);
    } else {
        k->max_pool2d(&op, &in, input, &out, output);
    }
    for (i = 0; i < 9; i++) {
        CHECK_INT(output[i], expected[i]);
    }
}

/* 2x2 stride-2 pools with SAME padding over a 3x3x4 input: TFLM pads at the bottom and right, so
 * the last window row and column hold fewer cells (and must not be read beyond the input). Input
 * cell (y, x) channel c holds (3y + x) * 4 + c - 20: the maximum is a window's last cell inside. */
static void pool_2x2_same_odd_case(const test_kernel_set *k)
{
    static const int8_t max_expected[16] = {-4, -3, -2, -1, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15};
    static const int8_t average_expected[16] = {-12, -11, -10, -9, -6, -5, -4, -3, 6, 7, 8, 9, 12, 13, 14, 15};
    int8_t input[36], output[16];
    tm_tensor in = test_tensor3(3, 3, 4, 0);
    tm_tensor out = test_tensor3(2, 2, 4, 0);
    tm_op op = window_op(TM_OP_MAX_POOL_2D, 2, 2, 0);
    int i;
    for (i = 0; i < 36; i++) {
        input[i] = (int8_t)(i - 20);
    }
    k->max_pool2d(&op, &in, input, &out, output);
    for (i = 0; i < 16; i++) {
        CHECK_INT(output[i], max_expected[i]);
    }
    k->average_pool2d(&op, &in, input, &out, output);
    for (i = 0; i < 16; i++) {
        CHECK_INT(output[i], average_expected[i]);
    }
}

/* Depthwise and the fused clamp: small hand-computed cases (no TFLM vector for them). */
static void depthwise_case(const test_kernel_set *k)
{
    /* 2x2x2 input, 2x2 kernel VALID -> 1x1x2: channel c sums w*x over the 4 cells */
    static const int8_t input[8] = {1, -1, 2, -2, 3, -3, 4, -4};
    static const int8_t weights[8] = {1, 2, 1, 2, 1, 2, 1, 2};
    static const int32_t bias[2] = {0, 100};
    static const int32_t multipliers[2] = {1073741824, 1073741824}; /* 0.5 with shift 0 */
    static const int32_t shifts[2] = {0, 0};
    int8_t output[2];
    tm_tensor in = test_tensor3(2, 2, 2, 0);
    tm_tensor out = test_tensor3(1, 1, 2, 5);
    tm_op op = window_op(TM_OP_DEPTHWISE_CONV_2D, 2, 1, 0);
    test_op_arrays(&op, weights, 8, bias, 2, multipliers, 2, shifts, 2);
    op.activation_min = -128;
    op.activation_max = 20;
    k->depthwise_conv2d(&op, &in, input, &out, output);
    CHECK_INT(output[0], 10); /* (1+2+3+4)*1 = 10, *0.5 = 5, + zero point 5 */
    CHECK_INT(output[1], 20); /* (-1-2-3-4)*2 + 100 = 80, *0.5 = 40, +5 = 45, clamped to 20 */
}

/* MEAN over h x w pixels of c channels with a byte pattern, against the portable kernel. */
static void mean_large_case(const test_kernel_set *k, uint32_t h, uint32_t w, uint32_t c)
{
    static int8_t input[17 * 17 * 5];
    static const int32_t multipliers[1] = {1518500250};
    static const int32_t shifts[1] = {-8};
    int8_t expected[5], output[5];
    tm_tensor in = test_tensor3(h, w, c, -7);
    tm_tensor out = test_tensor3(1, 1, c, 3);
    tm_op op = window_op(TM_OP_MEAN, 1, 1, 0);
    uint32_t i;
    out.rank = 1;
    out.dims[0] = c;
    out.dims[1] = 1;
    out.dims[2] = 1;
    for (i = 0; i < h * w * c; i++) {
        input[i] = (int8_t)(i % c == 1 ? -128 : (int)(i * 37 % 256) - 128);
    }
    test_op_arrays(&op, NULL, 0, NULL, 0, multipliers, 1, shifts, 1);
    tm_mean(&op, &in, input, &out, expected);
    k->mean(&op, &in, input, &out, output);
    for (i = 0; i < c; i++) {
        CHECK_INT(output[i], expected[i]);
    }
}

/* MEAN of a 2x2x2 input over height and width, scales equal (TFLM reference_ops::QuantizedMeanOrSum):
 * QuantizeMultiplier(1.0) = (2^30, 1); 1/4 folded in gives (2^30, -1). Channel 0: sum 101, mean
 * 25.25, but TFLM rounds twice — the Q31 product 50.5 -> 51, then 51 / 2 = 25.5 -> 26. Then five
 * channels over 17x17 pixels (more than a 16-bit lane's 256; four channels a word, one after) against
 * the portable kernel. */
static void mean_case(const test_kernel_set *k)
{
    static const int8_t input[8] = {10, -3, 20, -3, 30, -3, 41, -2};
    static const int32_t multipliers[1] = {1073741824};
    static const int32_t shifts[1] = {-1};
    int8_t output[2];
    tm_tensor in = test_tensor3(2, 2, 2, 0);
    tm_tensor out = test_tensor3(1, 1, 2, 0);
    tm_op op = window_op(TM_OP_MEAN, 1, 1, 0);
    out.rank = 1;
    out.dims[0] = 2;
    out.dims[1] = 1;
    out.dims[2] = 1;
    test_op_arrays(&op, NULL, 0, NULL, 0, multipliers, 1, shifts, 1);
    k->mean(&op, &in, input, &out, output);
    CHECK_INT(output[0], 26);
    CHECK_INT(output[1], -3); /* sum -11, mean -2.75: the product -5.5 -> -5 (a negative tie goes up), -5 / 2 = -2.5 -> -3 */
    mean_large_case(k, 16, 16, 5);
    mean_large_case(k, 17, 17, 5);
}

/* Every case of tflm-kernels.txt and the hand-computed ones, with one kernel set. */
static void test_kernel_set_on(const test_kernel_set *k, const char *dir)
{
    char path[512];
    char line[1024], input_line[1024], output_line[1024];
    int cases = 0;
    FILE *f;
    snprintf(path, sizeof path, "%s/tflm-kernels.txt", dir);
    f = fopen(path, "r");
    CHECK(f != NULL);
    if (f == NULL) {
        return;
    }
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "CONV", 4) == 0) {
            CHECK(fgets(input_line, sizeof input_line, f) != NULL);
            CHECK(fgets(output_line, sizeof output_line, f) != NULL);
            conv_case(k, line, input_line, output_line);
            cases++;
        } else if (strncmp(line, "FC ", 3) == 0) {
            fully_connected_case(k, line);
            cases++;
        } else if (strncmp(line, "AVGPOOL in:", 11) == 0) {
            average_pool_2x2_case(k, line);
            cases++;
        } else if (strncmp(line, "AVGPOOL3x3", 10) == 0) {
            pool_3x3_same_case(k, line, 1);
            cases++;
        } else if (strncmp(line, "MAXPOOL3x3", 10) == 0) {
            pool_3x3_same_case(k, line, 0);
            cases++;
        }
    }
    fclose(f);
    CHECK_INT(cases, 6);
    depthwise_case(k);
    pool_2x2_same_odd_case(k);
}

void test_kernels(const char *dir)
{
    int s;
    for (s = 0; s < TEST_KERNEL_SETS; s++) {
        const int failures = check_failures;
        test_kernel_set_on(&test_kernel_sets[s], dir);
        mean_case(&test_kernel_sets[s]);
        if (check_failures > failures) {
            printf("  (the failures above are of the %s kernels)\n", test_kernel_sets[s].name);
        }
    }
}
