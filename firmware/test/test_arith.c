/* The fixed-point functions and softmax against TFLM's printed values (vectors/tflm-arith.txt). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "../runtime/tm_arith.h"
#include "../runtime/tm_kernels.h"

static FILE *open_vectors(const char *dir, const char *name)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "r");
    CHECK(f != NULL);
    if (f == NULL) {
        printf("cannot open %s\n", path);
    }
    return f;
}

static int read_row(FILE *f, const char *label, int8_t *values, int n)
{
    char line[512];
    char *p;
    int i;
    if (!fgets(line, sizeof line, f) || (p = strstr(line, label)) == NULL) {
        return 0;
    }
    p += strlen(label);
    for (i = 0; i < n; i++) {
        values[i] = (int8_t)strtol(p, &p, 10);
    }
    return 1;
}

static void softmax_case(FILE *f, long multiplier, int shift, int diff_min)
{
    int8_t in[10], expected[10], out[10];
    tm_tensor t = {1, {10, 1, 1, 1}, 0.1f, 0, 0, 10};
    tm_tensor t_out = {1, {10, 1, 1, 1}, 1.0f / 256, -128, 0, 10};
    int32_t m = (int32_t)multiplier;
    int32_t s = shift;
    tm_op op;
    int i;
    memset(&op, 0, sizeof op);
    op.opcode = TM_OP_SOFTMAX;
    op.diff_min = diff_min;
    op.multipliers = &m;
    op.multipliers_count = 1;
    op.shifts = &s;
    op.shifts_count = 1;
    CHECK(read_row(f, "in :", in, 10));
    CHECK(read_row(f, "out:", expected, 10));
    tm_softmax(&op, &t, in, &t_out, out);
    for (i = 0; i < 10; i++) {
        CHECK_INT(out[i], expected[i]);
    }
}

void test_arith(const char *dir)
{
    FILE *f = open_vectors(dir, "tflm-arith.txt");
    char line[512];
    int cases = 0;
    if (f == NULL) {
        return;
    }
    while (fgets(line, sizeof line, f)) {
        long x, m, s, r, a, b, e;
        int d;
        if (sscanf(line, "MBQM x=%ld m=%ld s=%ld -> %ld", &x, &m, &s, &r) == 4) {
            CHECK_INT(tm_multiply_by_quantized_multiplier((int32_t)x, (int32_t)m, (int)s), r);
            cases++;
        } else if (sscanf(line, "SRDHM a=%ld b=%ld -> %ld", &a, &b, &r) == 3) {
            CHECK_INT(tm_srdhm((int32_t)a, (int32_t)b), r);
            cases++;
        } else if (sscanf(line, "RDBPOT x=%ld e=%ld -> %ld", &x, &e, &r) == 3) {
            CHECK_INT(tm_rounding_divide_by_pot((int32_t)x, (int)e), r);
            cases++;
        } else if (strncmp(line, "SOFTMAX", 7) == 0) {
            char *p = strstr(line, "input_multiplier=");
            CHECK(p != NULL && sscanf(p, "input_multiplier=%ld input_left_shift=%ld diff_min=%d", &m, &s, &d) == 3);
            softmax_case(f, m, (int)s, d);
            cases++;
        }
    }
    fclose(f);
    CHECK_INT(cases, 47); /* every vector of the file was read */
    /* wrap-around helpers: what Java's int does */
    CHECK_INT(tm_wrap32(0x80000000u), INT32_MIN);
    CHECK_INT(tm_wrap32(0xFFFFFFFFu), -1);
    CHECK_INT(tm_add_wrap(INT32_MAX, 1), INT32_MIN);
    CHECK_INT(tm_shift_right(-5, 1), -3);
    CHECK_INT(tm_shift_right(INT32_MIN, 31), -1);
    CHECK_INT(tm_exp_on_negative_values(0), INT32_MAX);
}
