/* Random cases printed by TFLM's own code (vectors/tflm-random.txt, from the quant branch's
 * test resources): arithmetic, softmax, conv, depthwise, fully connected and pools. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "test_support.h"
#include "../runtime/tm_arith.h"
#include "../runtime/tm_dsp.h"
#include "kernel_sets.h"

#define MAX_VALUES 4096
#define MAX_SEGMENTS 8

/* One line split at '|': segment k holds count[k] integers (the head's after the kind). */
typedef struct {
    long values[MAX_SEGMENTS][MAX_VALUES];
    int count[MAX_SEGMENTS];
    int segments;
} fields;

static void parse(char *line, int skip, fields *f)
{
    char *segment = line;
    f->segments = 0;
    while (segment != NULL && f->segments < MAX_SEGMENTS) {
        char *bar = strchr(segment, '|');
        char *p = segment;
        char *end;
        int n = 0;
        int skipped = 0;
        if (bar != NULL) {
            *bar = 0;
        }
        while (n < MAX_VALUES) {
            while (*p == ' ') {
                p++;
            }
            if (*p == 0 || *p == '\n') {
                break;
            }
            if (f->segments == 0 && skipped < skip) {
                while (*p != ' ' && *p != 0) {
                    p++;
                }
                skipped++;
                continue;
            }
            f->values[f->segments][n] = strtol(p, &end, 10);
            if (end == p) {
                break;
            }
            p = end;
            n++;
        }
        f->count[f->segments++] = n;
        segment = bar != NULL ? bar + 1 : NULL;
    }
}

static void to_int8(const fields *f, int k, int8_t *out)
{
    int i;
    for (i = 0; i < f->count[k]; i++) {
        out[i] = (int8_t)f->values[k][i];
    }
}

static void to_int32(const fields *f, int k, int32_t *out)
{
    int i;
    for (i = 0; i < f->count[k]; i++) {
        out[i] = (int32_t)f->values[k][i];
    }
}

static int same_bytes(const int8_t *actual, const fields *f, int k)
{
    int i;
    for (i = 0; i < f->count[k]; i++) {
        if (actual[i] != (int8_t)f->values[k][i]) {
            return 0;
        }
    }
    return 1;
}

static int8_t in8[MAX_VALUES], w8[MAX_VALUES], out8[MAX_VALUES], out8b[MAX_VALUES];
static int32_t bias[MAX_VALUES], mult[MAX_VALUES], shift[MAX_VALUES];

/* The window of a conv or pool case, six values from v: kh kw sh sw padTop padLeft. */
static void load_window(const long *v, tm_op *op)
{
    op->kernel_h = (uint16_t)v[0];
    op->kernel_w = (uint16_t)v[1];
    op->stride_h = (uint16_t)v[2];
    op->stride_w = (uint16_t)v[3];
    op->pad_top = (uint16_t)v[4];
    op->pad_left = (uint16_t)v[5];
}

/* Segments 1 to 5 of a conv or fully connected case: in | weights | bias | mult | shift. */
static void load_operands(const fields *f, tm_op *op)
{
    to_int8(f, 1, in8);
    to_int8(f, 2, w8);
    to_int32(f, 3, bias);
    to_int32(f, 4, mult);
    to_int32(f, 5, shift);
    test_op_arrays(op, w8, (uint32_t)f->count[2], bias, (uint32_t)f->count[3], mult, (uint32_t)f->count[4],
                   shift, (uint32_t)f->count[5]);
}

/* h w cin cout kh kw sh sw padTop padLeft oh ow inZp outZp actMin actMax | in | filter | bias | mult | shift | out */
static int conv_case(const test_kernel_set *k, const fields *f, int depthwise)
{
    const long *v = f->values[0];
    tm_tensor in = test_tensor3((uint32_t)v[0], (uint32_t)v[1], (uint32_t)v[2], (int32_t)v[12]);
    tm_tensor out = test_tensor3((uint32_t)v[10], (uint32_t)v[11], (uint32_t)v[3], (int32_t)v[13]);
    tm_op op;
    memset(&op, 0, sizeof op);
    op.opcode = depthwise ? TM_OP_DEPTHWISE_CONV_2D : TM_OP_CONV_2D;
    load_window(v + 4, &op);
    op.activation_min = (int32_t)v[14];
    op.activation_max = (int32_t)v[15];
    load_operands(f, &op);
    if (depthwise) {
        k->depthwise_conv2d(&op, &in, in8, &out, out8);
    } else {
        k->conv2d(&op, &in, in8, &out, out8);
    }
    return f->count[6] == (int)out.bytes && same_bytes(out8, f, 6);
}

/* n m inZp outZp actMin actMax | in | weights | bias | mult | shift | out */
static int fully_connected_case(const test_kernel_set *k, const fields *f)
{
    const long *v = f->values[0];
    tm_tensor in = test_tensor3(1, 1, (uint32_t)v[0], (int32_t)v[2]);
    tm_tensor out = test_tensor3(1, 1, (uint32_t)v[1], (int32_t)v[3]);
    tm_op op;
    memset(&op, 0, sizeof op);
    op.opcode = TM_OP_FULLY_CONNECTED;
    op.activation_min = (int32_t)v[4];
    op.activation_max = (int32_t)v[5];
    load_operands(f, &op);
    k->fully_connected(&op, &in, in8, &out, out8);
    return f->count[6] == (int)out.bytes && same_bytes(out8, f, 6);
}

/* h w c kh kw sh sw padTop padLeft oh ow | in | average | max */
static int pool_case(const test_kernel_set *k, const fields *f)
{
    const long *v = f->values[0];
    tm_tensor in = test_tensor3((uint32_t)v[0], (uint32_t)v[1], (uint32_t)v[2], 0);
    tm_tensor out = test_tensor3((uint32_t)v[9], (uint32_t)v[10], (uint32_t)v[2], 0);
    tm_op op;
    memset(&op, 0, sizeof op);
    op.opcode = TM_OP_AVERAGE_POOL_2D;
    load_window(v + 3, &op);
    op.activation_min = -128;
    op.activation_max = 127;
    to_int8(f, 1, in8);
    k->average_pool2d(&op, &in, in8, &out, out8);
    k->max_pool2d(&op, &in, in8, &out, out8b);
    return same_bytes(out8, f, 2) && same_bytes(out8b, f, 3);
}

/* scale multiplier left_shift diff_min | in | out (the scale, a hex float, is skipped) */
static int softmax_case(const fields *f)
{
    const long *v = f->values[0];
    const int32_t multiplier = (int32_t)v[0];
    const int32_t left_shift = (int32_t)v[1];
    tm_tensor in = test_tensor3(1, 1, (uint32_t)f->count[1], 0);
    tm_tensor out = test_tensor3(1, 1, (uint32_t)f->count[1], -128);
    tm_op op;
    memset(&op, 0, sizeof op);
    op.opcode = TM_OP_SOFTMAX;
    op.diff_min = (int32_t)v[2];
    op.multipliers = &multiplier;
    op.multipliers_count = 1;
    op.shifts = &left_shift;
    op.shifts_count = 1;
    to_int8(f, 1, in8);
    tm_softmax(&op, &in, in8, &out, out8);
    return same_bytes(out8, f, 2);
}

/* The DSP kernels' requantization (tm_dsp.h) on an MBQM case: x multiplier shift expected. */
static int fast_requant_matches(const fields *f)
{
#if TM_DSP_KERNELS
    return tm_scale((int32_t)f->values[0][0], (int32_t)f->values[0][1], (int32_t)f->values[0][2])
        == f->values[0][3];
#else
    (void)f;
    return 1;
#endif
}

void test_random(const char *dir)
{
    static char line[16384];
    static fields f;
    char path[512];
    int cases = 0;
    FILE *file;
    snprintf(path, sizeof path, "%s/tflm-random.txt", dir);
    file = fopen(path, "r");
    CHECK(file != NULL);
    if (file == NULL) {
        return;
    }
    while (fgets(line, sizeof line, file)) {
        char copy[64];
        int ok = 1;
        int k;
        strncpy(copy, line, sizeof copy - 1);
        copy[sizeof copy - 1] = 0;
        if (strncmp(line, "MBQM ", 5) == 0) {
            parse(line, 1, &f);
            ok = tm_multiply_by_quantized_multiplier((int32_t)f.values[0][0], (int32_t)f.values[0][1],
                                                     (int)f.values[0][2]) == f.values[0][3]
                && fast_requant_matches(&f);
        } else if (strncmp(line, "SRDHM ", 6) == 0) {
            parse(line, 1, &f);
            ok = tm_srdhm((int32_t)f.values[0][0], (int32_t)f.values[0][1]) == f.values[0][2];
        } else if (strncmp(line, "RDBPOT ", 7) == 0) {
            parse(line, 1, &f);
            ok = tm_rounding_divide_by_pot((int32_t)f.values[0][0], (int)f.values[0][1]) == f.values[0][2];
        } else if (strncmp(line, "SOFTMAX ", 8) == 0) {
            parse(line, 2, &f);
            ok = softmax_case(&f);
        } else if (strncmp(line, "CONV ", 5) == 0 || strncmp(line, "DW ", 3) == 0) {
            const int depthwise = line[0] == 'D';
            parse(line, 1, &f);
            for (k = 0; k < TEST_KERNEL_SETS; k++) {
                ok = ok && conv_case(&test_kernel_sets[k], &f, depthwise);
            }
        } else if (strncmp(line, "FC ", 3) == 0) {
            parse(line, 1, &f);
            for (k = 0; k < TEST_KERNEL_SETS; k++) {
                ok = ok && fully_connected_case(&test_kernel_sets[k], &f);
            }
        } else if (strncmp(line, "POOL ", 5) == 0) {
            parse(line, 1, &f);
            for (k = 0; k < TEST_KERNEL_SETS; k++) {
                ok = ok && pool_case(&test_kernel_sets[k], &f);
            }
        } else {
            continue; /* comments and QM (QuantizeMultiplier is computed in Java) */
        }
        cases++;
        check_true(ok, copy, path, cases);
    }
    fclose(file);
    CHECK_INT(cases, 1340);
}
