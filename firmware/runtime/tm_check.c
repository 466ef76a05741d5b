/* The model rules of docs/model-format.md, checked in order: header, tensors, ops, graph. */
#include <float.h>
#include "tm_check.h"
#include "tm_kernels.h"

static tm_status fail(tm_where *where, tm_table table, uint16_t index, uint8_t field, tm_status status)
{
    where->table = table;
    where->index = index;
    where->field = field;
    return status;
}

uint32_t tm_shape_bytes(uint8_t rank, const uint32_t dims[TM_MAX_RANK])
{
    uint64_t bytes = 1;
    uint8_t k;
    for (k = 0; k < rank && k < TM_MAX_RANK; k++) {
        bytes *= dims[k];
        if (bytes == 0 || bytes > 0xFFFFFFFFu) {
            return 0;
        }
    }
    return (uint32_t)bytes;
}

static int overlaps(const tm_tensor *a, const tm_tensor *b)
{
    return a->arena_offset < b->arena_offset + b->bytes
        && b->arena_offset < a->arena_offset + a->bytes;
}

static tm_status check_header(const tm_model *m, uint32_t arena_capacity, tm_where *where)
{
    if (m->tensor_count == 0 || m->tensor_count > TM_MAX_TENSORS) {
        return fail(where, TM_WHERE_HEADER, 0, TM_HEADER_TENSOR_COUNT, TM_E_COUNT);
    }
    if (m->op_count == 0 || m->op_count > TM_MAX_OPS) {
        return fail(where, TM_WHERE_HEADER, 0, TM_HEADER_OP_COUNT, TM_E_COUNT);
    }
    /* kernels index with int32: every tensor and array stays below 2^31 */
    if (m->arena_bytes == 0 || m->arena_bytes > arena_capacity || m->arena_bytes > 0x7FFFFFFFu) {
        return fail(where, TM_WHERE_HEADER, 0, TM_HEADER_ARENA_BYTES, TM_E_ARENA_CAPACITY);
    }
    if (m->input >= m->tensor_count) {
        return fail(where, TM_WHERE_HEADER, 0, TM_HEADER_INPUT, TM_E_TENSOR_INDEX);
    }
    if (m->output >= m->tensor_count || m->output == m->input) {
        return fail(where, TM_WHERE_HEADER, 0, TM_HEADER_OUTPUT, TM_E_TENSOR_INDEX);
    }
    return TM_OK;
}

static tm_status check_tensor(const tm_model *m, uint16_t i, tm_where *where)
{
    const tm_tensor *t = &m->tensors[i];
    uint8_t k;
    if (t->rank < 1 || t->rank > TM_MAX_RANK) {
        return fail(where, TM_WHERE_TENSOR, i, TM_TENSOR_RANK, TM_E_SHAPE);
    }
    for (k = 0; k < TM_MAX_RANK; k++) {
        if (k < t->rank ? t->dims[k] == 0 : t->dims[k] != 1) {
            return fail(where, TM_WHERE_TENSOR, i, (uint8_t)(TM_TENSOR_DIMS + 4 * k), TM_E_SHAPE);
        }
    }
    if (t->bytes == 0 || tm_shape_bytes(t->rank, t->dims) != t->bytes) {
        return fail(where, TM_WHERE_TENSOR, i, TM_TENSOR_DIMS, TM_E_SHAPE);
    }
    if (!(t->scale > 0.0f && t->scale <= FLT_MAX)) { /* also false for NaN */
        return fail(where, TM_WHERE_TENSOR, i, TM_TENSOR_SCALE, TM_E_SHAPE);
    }
    if (t->zero_point < -128 || t->zero_point > 127) {
        return fail(where, TM_WHERE_TENSOR, i, TM_TENSOR_ZERO_POINT, TM_E_ZERO_POINT);
    }
    if (t->arena_offset > m->arena_bytes || t->bytes > m->arena_bytes - t->arena_offset) {
        return fail(where, TM_WHERE_TENSOR, i, TM_TENSOR_ARENA_OFFSET, TM_E_ARENA_BOUNDS);
    }
    return TM_OK;
}

static tm_status check_window(const tm_op *op, const tm_op_entry *kind, const tm_tensor *in,
                              const tm_tensor *out, uint16_t j, tm_where *where)
{
    if (!kind->window) {
        if (op->kernel_h != 1 || op->kernel_w != 1 || op->stride_h != 1 || op->stride_w != 1
            || op->pad_top != 0 || op->pad_left != 0) {
            return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_KERNEL_H, TM_E_WINDOW);
        }
        return TM_OK;
    }
    if (in->rank != 3) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_INPUT, TM_E_OP_SHAPE);
    }
    if (out->rank != 3) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_OUTPUT, TM_E_OP_SHAPE);
    }
    if (op->kernel_h == 0) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_KERNEL_H, TM_E_WINDOW);
    }
    if (op->kernel_w == 0) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_KERNEL_W, TM_E_WINDOW);
    }
    if (op->stride_h == 0) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_STRIDE_H, TM_E_WINDOW);
    }
    if (op->stride_w == 0) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_STRIDE_W, TM_E_WINDOW);
    }
    /* every output cell's window must touch the input */
    if (op->pad_top >= op->kernel_h
        || (uint64_t)(out->dims[0] - 1) * op->stride_h >= (uint64_t)in->dims[0] + op->pad_top) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_PAD_TOP, TM_E_WINDOW);
    }
    if (op->pad_left >= op->kernel_w
        || (uint64_t)(out->dims[1] - 1) * op->stride_w >= (uint64_t)in->dims[1] + op->pad_left) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_PAD_LEFT, TM_E_WINDOW);
    }
    return TM_OK;
}

static tm_status check_activation(const tm_op *op, const tm_op_entry *kind, uint16_t j, tm_where *where)
{
    const int fused = kind->clamp;
    if (op->activation_min < -128 || op->activation_min > 127 || (!fused && op->activation_min != -128)) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_ACTIVATION_MIN, TM_E_ACTIVATION);
    }
    if (op->activation_max < op->activation_min || op->activation_max > 127
        || (!fused && op->activation_max != 127)) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_ACTIVATION_MAX, TM_E_ACTIVATION);
    }
    if (op->opcode != TM_OP_SOFTMAX && op->diff_min != 0) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_DIFF_MIN, TM_E_ACTIVATION);
    }
    return TM_OK;
}

static tm_status check_shapes(const tm_op *op, const tm_op_entry *kind, const tm_tensor *in,
                              const tm_tensor *out, tm_op_needs *needs, uint16_t j, tm_where *where)
{
    tm_status status;
    needs->dot = 0;
    needs->weights = 0;
    needs->channels = 0;
    needs->bias_allowed = 0;
    needs->per_tensor_allowed = 0;
    needs->field = TM_OP_FIELD_OUTPUT;
    status = kind->check(op, in, out, needs);
    if (status != TM_OK) {
        return fail(where, TM_WHERE_OP, j, needs->field, status);
    }
    if (needs->dot > TM_MAX_DOT_LENGTH) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_INPUT, TM_E_OP_SHAPE);
    }
    return TM_OK;
}

static tm_status check_params(const tm_op *op, const tm_op_needs *counts, uint16_t j, tm_where *where)
{
    const int one_ok = counts->per_tensor_allowed && op->multipliers_count == 1;
    uint32_t k;
    if (op->weights_count != counts->weights || op->weights_count > 0x7FFFFFFFu
        || (op->weights_count > 0 && op->weights == 0)) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_WEIGHTS_COUNT, TM_E_PARAM_COUNT);
    }
    if (op->bias_count != 0 && (!counts->bias_allowed || op->bias_count != counts->channels)) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_BIAS_COUNT, TM_E_PARAM_COUNT);
    }
    if (op->bias_count > 0 && op->bias == 0) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_BIAS_COUNT, TM_E_PARAM_COUNT);
    }
    if ((op->multipliers_count != counts->channels && !one_ok)
        || (op->multipliers_count > 0 && op->multipliers == 0)) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_MULTIPLIERS_COUNT, TM_E_PARAM_COUNT);
    }
    if (op->shifts_count != op->multipliers_count || (op->shifts_count > 0 && op->shifts == 0)) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_SHIFTS_COUNT, TM_E_PARAM_COUNT);
    }
    for (k = 0; k < op->shifts_count; k++) {
        const int32_t s = op->shifts[k];
        const int ok = op->opcode == TM_OP_SOFTMAX ? (s >= 0 && s <= 31) : (s >= -31 && s <= 31);
        if (!ok) {
            return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_SHIFTS, TM_E_SHIFT);
        }
    }
    return TM_OK;
}

static tm_status check_op(const tm_model *m, uint16_t j, tm_where *where)
{
    const tm_op *op = &m->ops[j];
    const tm_tensor *in;
    const tm_tensor *out;
    const tm_op_entry *kind = tm_op_find(op->opcode);
    tm_op_needs counts;
    tm_status status;

    if (kind == 0) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_OPCODE, TM_E_OPCODE);
    }
    if (op->input >= m->tensor_count) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_INPUT, TM_E_TENSOR_INDEX);
    }
    if (op->output >= m->tensor_count || op->output == op->input) {
        return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_OUTPUT, TM_E_TENSOR_INDEX);
    }
    in = &m->tensors[op->input];
    out = &m->tensors[op->output];
    status = check_window(op, kind, in, out, j, where);
    if (status == TM_OK) {
        status = check_activation(op, kind, j, where);
    }
    if (status == TM_OK) {
        status = check_shapes(op, kind, in, out, &counts, j, where);
    }
    if (status == TM_OK) {
        status = check_params(op, &counts, j, where);
    }
    if (status == TM_OK && op->opcode == TM_OP_SOFTMAX) {
        if (op->diff_min > 0) {
            return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_DIFF_MIN, TM_E_SOFTMAX);
        }
        if (out->zero_point != -128) {
            return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_OUTPUT, TM_E_SOFTMAX);
        }
    }
    return status;
}

/* Data flow, aliasing and liveness of the arena plan. */
static tm_status check_graph(const tm_model *m, tm_where *where)
{
    int16_t written_by[TM_MAX_TENSORS]; /* op index, -1 for the graph input, -2 never */
    uint16_t i, j;

    for (i = 0; i < m->tensor_count; i++) {
        written_by[i] = -2;
    }
    written_by[m->input] = -1;
    for (i = 0; i < m->op_count; i++) {
        const tm_op *op = &m->ops[i];
        const tm_tensor *in = &m->tensors[op->input];
        const tm_tensor *out = &m->tensors[op->output];
        const int same_cell = op->opcode == TM_OP_RESHAPE && in->arena_offset == out->arena_offset;
        if (written_by[op->input] == -2) {
            return fail(where, TM_WHERE_OP, i, TM_OP_FIELD_INPUT, TM_E_DATAFLOW);
        }
        if (written_by[op->output] != -2) {
            return fail(where, TM_WHERE_OP, i, TM_OP_FIELD_OUTPUT, TM_E_DATAFLOW);
        }
        if (overlaps(in, out) && !same_cell) {
            return fail(where, TM_WHERE_OP, i, TM_OP_FIELD_OUTPUT, TM_E_ALIAS);
        }
        /* nothing since the input was written may have overwritten it */
        for (j = (uint16_t)(written_by[op->input] + 1); j < i; j++) {
            if (overlaps(&m->tensors[m->ops[j].output], in)) {
                return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_OUTPUT, TM_E_ALIAS);
            }
        }
        written_by[op->output] = (int16_t)i;
    }
    if (written_by[m->output] < 0) {
        return fail(where, TM_WHERE_HEADER, 0, TM_HEADER_OUTPUT, TM_E_DATAFLOW);
    }
    for (j = (uint16_t)(written_by[m->output] + 1); j < m->op_count; j++) {
        if (overlaps(&m->tensors[m->ops[j].output], &m->tensors[m->output])) {
            return fail(where, TM_WHERE_OP, j, TM_OP_FIELD_OUTPUT, TM_E_ALIAS);
        }
    }
    return TM_OK;
}

tm_status tm_model_check(const tm_model *model, uint32_t arena_capacity, tm_where *where)
{
    tm_status status = check_header(model, arena_capacity, where);
    uint16_t i;
    for (i = 0; status == TM_OK && i < model->tensor_count; i++) {
        status = check_tensor(model, i, where);
    }
    for (i = 0; status == TM_OK && i < model->op_count; i++) {
        status = check_op(model, i, where);
    }
    if (status == TM_OK) {
        status = check_graph(model, where);
    }
    return status;
}
