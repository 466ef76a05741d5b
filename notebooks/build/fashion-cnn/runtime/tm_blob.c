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
    *count = read_u32(p->blob + field + 4);
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
    if (e[1] != 0 || e[2] != 0 || e[3] != 0) {
        return fail_at(p, at + 1, TM_E_RESERVED);
    }
    t->rank = e[0];
    for (k = 0; k < TM_MAX_RANK; k++) {
        t->dims[k] = read_u32(e + 4 + 4 * k);
    }
    scale_bits = read_u32(e + 20);
    memcpy(&t->scale, &scale_bits, sizeof t->scale);
    t->zero_point = read_i32(e + 24);
    t->arena_offset = read_u32(e + 28);
    t->bytes = tm_shape_bytes(t->rank, t->dims);
    return TM_OK;
}

static tm_status parse_op(parser *p, uint32_t at, tm_op *op)
{
    const uint8_t *e = p->blob + at;
    const void *data;
    tm_status status;
    if (e[1] != 0) {
        return fail_at(p, at + 1, TM_E_RESERVED);
    }
    if (read_u16(e + 6) != 0) {
        return fail_at(p, at + 6, TM_E_RESERVED);
    }
    op->opcode = e[0];
    op->input = read_u16(e + 2);
    op->output = read_u16(e + 4);
    op->kernel_h = read_u16(e + 8);
    op->kernel_w = read_u16(e + 10);
    op->stride_h = read_u16(e + 12);
    op->stride_w = read_u16(e + 14);
    op->pad_top = read_u16(e + 16);
    op->pad_left = read_u16(e + 18);
    op->activation_min = read_i32(e + 20);
    op->activation_max = read_i32(e + 24);
    op->diff_min = read_i32(e + 28);
    status = parse_array(p, at + 32, 1, &data, &op->weights_count);
    op->weights = (const int8_t *)data;
    if (status == TM_OK) {
        status = parse_array(p, at + 40, 4, &data, &op->bias_count);
        op->bias = (const int32_t *)data;
    }
    if (status == TM_OK) {
        status = parse_array(p, at + 48, 4, &data, &op->multipliers_count);
        op->multipliers = (const int32_t *)data;
    }
    if (status == TM_OK) {
        status = parse_array(p, at + 56, 4, &data, &op->shifts_count);
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
    if (length < TM_BLOB_HEADER_BYTES + 4) {
        return TM_E_TOO_SHORT;
    }
    if (blob[0] != 'T' || blob[1] != 'M' || blob[2] != 'L' || blob[3] != 'B') {
        return TM_E_MAGIC;
    }
    if (read_u16(blob + 4) != TM_BLOB_VERSION) {
        return fail_at(&p, 4, TM_E_VERSION);
    }
    if (read_u16(blob + 6) != 0) {
        return fail_at(&p, 6, TM_E_RESERVED);
    }
    if (read_u32(blob + 8) != length) {
        return fail_at(&p, 8, TM_E_SIZE);
    }
    if (((uintptr_t)blob & 3u) != 0) {
        return TM_E_DATA_BOUNDS; /* the caller's buffer: int32 arrays are read in place */
    }
    if (tm_crc32(blob, length - 4) != read_u32(blob + length - 4)) {
        return fail_at(&p, length - 4, TM_E_CRC);
    }
    tensor_count = read_u16(blob + 16);
    op_count = read_u16(blob + 18);
    if (tensor_count == 0 || tensor_count > TM_MAX_TENSORS) {
        return fail_at(&p, 16, TM_E_COUNT);
    }
    if (op_count == 0 || op_count > TM_MAX_OPS) {
        return fail_at(&p, 18, TM_E_COUNT);
    }
    op_table = TM_BLOB_HEADER_BYTES + TM_BLOB_TENSOR_BYTES * tensor_count;
    p.data_start = op_table + TM_BLOB_OP_BYTES * op_count;
    p.data_end = length - 4;
    if (p.data_start > p.data_end) {
        return fail_at(&p, 8, TM_E_TOO_SHORT);
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
    m->input = read_u16(blob + 20);
    m->output = read_u16(blob + 22);
    m->arena_bytes = read_u32(blob + 12);
    status = tm_model_check(m, arena_capacity, &where);
    if (status != TM_OK) {
        *error_offset = field_offset(&where, TM_BLOB_HEADER_BYTES, op_table);
    }
    return status;
}
