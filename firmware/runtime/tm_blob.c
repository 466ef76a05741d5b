/* Blob parsing: byte-level rules here (magic, sizes, CRC, reserved fields, array bounds),
 * model rules in tm_check.c. Nothing is read before its bounds are known. */
#include <string.h>
#include "tm_blob.h"
#include "tm_crc32.h"
#include "tm_arith.h"

static uint16_t read_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t read_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static int32_t read_i32(const uint8_t *p)
{
    return tm_wrap32(read_u32(p));
}

typedef struct {
    const uint8_t *blob;
    uint32_t data_start;
    uint32_t data_end; /* the CRC's offset */
    uint32_t *error_offset;
} parser;

static tm_status fail_at(parser *p, uint32_t offset, tm_status status)
{
    *p->error_offset = offset;
    return status;
}

/* An array field pair (offset, count) at `field`: checks bounds and alignment. */
static tm_status parse_array(parser *p, uint32_t field, uint32_t element_bytes,
                             const void **data, uint32_t *count)
{
    const uint32_t offset = read_u32(p->blob + field);
    *count = read_u32(p->blob + field + 4); /* the count follows the offset */
    *data = 0;
    if (*count == 0) {
        return offset == 0 ? TM_OK : fail_at(p, field, TM_E_PARAM_COUNT);
    }
    if (offset < p->data_start
        || (uint64_t)offset + (uint64_t)*count * element_bytes > p->data_end
        || offset % element_bytes != 0) {
        return fail_at(p, field, TM_E_DATA_BOUNDS);
    }
    *data = p->blob + offset;
    return TM_OK;
}

static tm_status parse_tensor(parser *p, uint32_t at, tm_tensor *t)
{
    const uint8_t *e = p->blob + at;
    uint32_t scale_bits;
    int k;
    if (e[TM_TENSOR_RESERVED] != 0 || e[TM_TENSOR_RESERVED + 1] != 0 || e[TM_TENSOR_RESERVED + 2] != 0) {
        return fail_at(p, at + TM_TENSOR_RESERVED, TM_E_RESERVED);
    }
    t->rank = e[TM_TENSOR_RANK];
    for (k = 0; k < TM_MAX_RANK; k++) {
        t->dims[k] = read_u32(e + TM_TENSOR_DIMS + 4 * k);
    }
    scale_bits = read_u32(e + TM_TENSOR_SCALE);
    memcpy(&t->scale, &scale_bits, sizeof t->scale);
    t->zero_point = read_i32(e + TM_TENSOR_ZERO_POINT);
    t->arena_offset = read_u32(e + TM_TENSOR_ARENA_OFFSET);
    t->bytes = tm_shape_bytes(t->rank, t->dims);
    return TM_OK;
}

static tm_status parse_op(parser *p, uint32_t at, tm_op *op)
{
    const uint8_t *e = p->blob + at;
    const void *data;
    tm_status status;
    if (e[TM_OP_FIELD_RESERVED] != 0) {
        return fail_at(p, at + TM_OP_FIELD_RESERVED, TM_E_RESERVED);
    }
    if (read_u16(e + TM_OP_FIELD_RESERVED2) != 0) {
        return fail_at(p, at + TM_OP_FIELD_RESERVED2, TM_E_RESERVED);
    }
    op->opcode = e[TM_OP_FIELD_OPCODE];
    op->input = read_u16(e + TM_OP_FIELD_INPUT);
    op->output = read_u16(e + TM_OP_FIELD_OUTPUT);
    op->kernel_h = read_u16(e + TM_OP_FIELD_KERNEL_H);
    op->kernel_w = read_u16(e + TM_OP_FIELD_KERNEL_W);
    op->stride_h = read_u16(e + TM_OP_FIELD_STRIDE_H);
    op->stride_w = read_u16(e + TM_OP_FIELD_STRIDE_W);
    op->pad_top = read_u16(e + TM_OP_FIELD_PAD_TOP);
    op->pad_left = read_u16(e + TM_OP_FIELD_PAD_LEFT);
    op->activation_min = read_i32(e + TM_OP_FIELD_ACTIVATION_MIN);
    op->activation_max = read_i32(e + TM_OP_FIELD_ACTIVATION_MAX);
    op->diff_min = read_i32(e + TM_OP_FIELD_DIFF_MIN);
    status = parse_array(p, at + TM_OP_FIELD_WEIGHTS, 1, &data, &op->weights_count);
    op->weights = (const int8_t *)data;
    if (status == TM_OK) {
        status = parse_array(p, at + TM_OP_FIELD_BIAS, 4, &data, &op->bias_count);
        op->bias = (const int32_t *)data;
    }
    if (status == TM_OK) {
        status = parse_array(p, at + TM_OP_FIELD_MULTIPLIERS, 4, &data, &op->multipliers_count);
        op->multipliers = (const int32_t *)data;
    }
    if (status == TM_OK) {
        status = parse_array(p, at + TM_OP_FIELD_SHIFTS, 4, &data, &op->shifts_count);
        op->shifts = (const int32_t *)data;
    }
    return status;
}

static uint32_t field_offset(const tm_where *where, uint32_t tensor_table, uint32_t op_table)
{
    switch (where->table) {
    case TM_WHERE_TENSOR:
        return tensor_table + TM_BLOB_TENSOR_BYTES * where->index + where->field;
    case TM_WHERE_OP:
        return op_table + TM_BLOB_OP_BYTES * where->index + where->field;
    default:
        return where->field;
    }
}

tm_status tm_blob_load(const uint8_t *blob, uint32_t length, uint32_t arena_capacity,
                       tm_loaded_model *loaded, uint32_t *error_offset)
{
    parser p;
    uint32_t tensor_count, op_count, op_table, i;
    tm_model *m = &loaded->model;
    tm_where where;
    tm_status status = TM_OK;

    *error_offset = 0;
    p.blob = blob;
    p.error_offset = error_offset;
    if (length < TM_BLOB_HEADER_BYTES + TM_BLOB_CRC_BYTES) {
        return TM_E_TOO_SHORT;
    }
    if (blob[0] != 'T' || blob[1] != 'M' || blob[2] != 'L' || blob[3] != 'B') {
        return TM_E_MAGIC;
    }
    if (read_u16(blob + TM_HEADER_VERSION) != TM_BLOB_VERSION) {
        return fail_at(&p, TM_HEADER_VERSION, TM_E_VERSION);
    }
    if (read_u16(blob + TM_HEADER_RESERVED) != 0) {
        return fail_at(&p, TM_HEADER_RESERVED, TM_E_RESERVED);
    }
    if (read_u32(blob + TM_HEADER_TOTAL_BYTES) != length) {
        return fail_at(&p, TM_HEADER_TOTAL_BYTES, TM_E_SIZE);
    }
    if (((uintptr_t)blob & 3u) != 0) {
        return TM_E_DATA_BOUNDS; /* the caller's buffer: int32 arrays are read in place */
    }
    if (tm_crc32(blob, length - TM_BLOB_CRC_BYTES) != read_u32(blob + length - TM_BLOB_CRC_BYTES)) {
        return fail_at(&p, length - TM_BLOB_CRC_BYTES, TM_E_CRC);
    }
    tensor_count = read_u16(blob + TM_HEADER_TENSOR_COUNT);
    op_count = read_u16(blob + TM_HEADER_OP_COUNT);
    if (tensor_count == 0 || tensor_count > TM_MAX_TENSORS) {
        return fail_at(&p, TM_HEADER_TENSOR_COUNT, TM_E_COUNT);
    }
    if (op_count == 0 || op_count > TM_MAX_OPS) {
        return fail_at(&p, TM_HEADER_OP_COUNT, TM_E_COUNT);
    }
    op_table = TM_BLOB_HEADER_BYTES + TM_BLOB_TENSOR_BYTES * tensor_count;
    p.data_start = op_table + TM_BLOB_OP_BYTES * op_count;
    p.data_end = length - TM_BLOB_CRC_BYTES;
    if (p.data_start > p.data_end) {
        return fail_at(&p, TM_HEADER_TOTAL_BYTES, TM_E_TOO_SHORT);
    }

    for (i = 0; status == TM_OK && i < tensor_count; i++) {
        status = parse_tensor(&p, TM_BLOB_HEADER_BYTES + TM_BLOB_TENSOR_BYTES * i, &loaded->tensors[i]);
    }
    for (i = 0; status == TM_OK && i < op_count; i++) {
        status = parse_op(&p, op_table + TM_BLOB_OP_BYTES * i, &loaded->ops[i]);
    }
    if (status != TM_OK) {
        return status;
    }
    m->tensors = loaded->tensors;
    m->tensor_count = (uint16_t)tensor_count;
    m->ops = loaded->ops;
    m->op_count = (uint16_t)op_count;
    m->input = read_u16(blob + TM_HEADER_INPUT);
    m->output = read_u16(blob + TM_HEADER_OUTPUT);
    m->arena_bytes = read_u32(blob + TM_HEADER_ARENA_BYTES);
    status = tm_model_check(m, arena_capacity, &where);
    if (status != TM_OK) {
        *error_offset = field_offset(&where, TM_BLOB_HEADER_BYTES, op_table);
    }
    return status;
}
