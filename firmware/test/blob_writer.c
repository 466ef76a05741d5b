#include <string.h>
#include "blob_writer.h"
#include "../runtime/tm_crc32.h"
#include "../runtime/tm_format.h"

void blob_put_u16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

void blob_put_u32(uint8_t *p, uint32_t v)
{
    blob_put_u16(p, v);
    blob_put_u16(p + 2, v >> 16);
}

void blob_fix_crc(uint8_t *blob, uint32_t length)
{
    blob_put_u32(blob + length - TM_BLOB_CRC_BYTES, tm_crc32(blob, length - TM_BLOB_CRC_BYTES));
}

/* Appends an array at *end (4-aligned), writes (offset, count) at field; returns 0 if full. */
static int put_array(uint8_t *out, uint32_t capacity, uint32_t *end, uint8_t *field,
                     const void *data, uint32_t count, uint32_t element_bytes)
{
    const uint32_t bytes = count * element_bytes;
    if (count == 0) {
        blob_put_u32(field, 0);
        blob_put_u32(field + 4, 0);
        return 1;
    }
    *end = (*end + 3u) & ~3u;
    if (*end + bytes + 4 > capacity) {
        return 0;
    }
    if (element_bytes == 1) {
        memcpy(out + *end, data, bytes);
    } else {
        const int32_t *values = (const int32_t *)data;
        uint32_t i;
        for (i = 0; i < count; i++) {
            blob_put_u32(out + *end + 4 * i, (uint32_t)values[i]);
        }
    }
    blob_put_u32(field, *end);
    blob_put_u32(field + 4, count);
    *end += bytes;
    return 1;
}

uint32_t blob_write(const tm_model *m, uint8_t *out, uint32_t capacity)
{
    const uint32_t op_table = TM_BLOB_HEADER_BYTES + TM_BLOB_TENSOR_BYTES * m->tensor_count;
    uint32_t end = op_table + TM_BLOB_OP_BYTES * m->op_count;
    uint32_t i;
    int k;
    if (end + TM_BLOB_CRC_BYTES > capacity) {
        return 0;
    }
    memset(out, 0, capacity); /* tables, padding */
    memcpy(out, "TMLB", 4);
    blob_put_u16(out + TM_HEADER_VERSION, TM_BLOB_VERSION);
    blob_put_u32(out + TM_HEADER_ARENA_BYTES, m->arena_bytes);
    blob_put_u16(out + TM_HEADER_TENSOR_COUNT, m->tensor_count);
    blob_put_u16(out + TM_HEADER_OP_COUNT, m->op_count);
    blob_put_u16(out + TM_HEADER_INPUT, m->input);
    blob_put_u16(out + TM_HEADER_OUTPUT, m->output);
    for (i = 0; i < m->tensor_count; i++) {
        const tm_tensor *t = &m->tensors[i];
        uint8_t *e = out + TM_BLOB_HEADER_BYTES + TM_BLOB_TENSOR_BYTES * i;
        uint32_t scale_bits;
        e[TM_TENSOR_RANK] = t->rank;
        for (k = 0; k < TM_MAX_RANK; k++) {
            blob_put_u32(e + TM_TENSOR_DIMS + 4 * k, t->dims[k]);
        }
        memcpy(&scale_bits, &t->scale, 4);
        blob_put_u32(e + TM_TENSOR_SCALE, scale_bits);
        blob_put_u32(e + TM_TENSOR_ZERO_POINT, (uint32_t)t->zero_point);
        blob_put_u32(e + TM_TENSOR_ARENA_OFFSET, t->arena_offset);
    }
    for (i = 0; i < m->op_count; i++) {
        const tm_op *op = &m->ops[i];
        uint8_t *e = out + op_table + TM_BLOB_OP_BYTES * i;
        e[TM_OP_FIELD_OPCODE] = op->opcode;
        blob_put_u16(e + TM_OP_FIELD_INPUT, op->input);
        blob_put_u16(e + TM_OP_FIELD_OUTPUT, op->output);
        blob_put_u16(e + TM_OP_FIELD_KERNEL_H, op->kernel_h);
        blob_put_u16(e + TM_OP_FIELD_KERNEL_W, op->kernel_w);
        blob_put_u16(e + TM_OP_FIELD_STRIDE_H, op->stride_h);
        blob_put_u16(e + TM_OP_FIELD_STRIDE_W, op->stride_w);
        blob_put_u16(e + TM_OP_FIELD_PAD_TOP, op->pad_top);
        blob_put_u16(e + TM_OP_FIELD_PAD_LEFT, op->pad_left);
        blob_put_u32(e + TM_OP_FIELD_ACTIVATION_MIN, (uint32_t)op->activation_min);
        blob_put_u32(e + TM_OP_FIELD_ACTIVATION_MAX, (uint32_t)op->activation_max);
        blob_put_u32(e + TM_OP_FIELD_DIFF_MIN, (uint32_t)op->diff_min);
        if (!put_array(out, capacity, &end, e + TM_OP_FIELD_WEIGHTS, op->weights, op->weights_count, 1)
            || !put_array(out, capacity, &end, e + TM_OP_FIELD_BIAS, op->bias, op->bias_count, 4)
            || !put_array(out, capacity, &end, e + TM_OP_FIELD_MULTIPLIERS, op->multipliers, op->multipliers_count, 4)
            || !put_array(out, capacity, &end, e + TM_OP_FIELD_SHIFTS, op->shifts, op->shifts_count, 4)) {
            return 0;
        }
    }
    end = (end + 3u) & ~3u; /* padding between arrays and at the end is zero */
    blob_put_u32(out + TM_HEADER_TOTAL_BYTES, end + TM_BLOB_CRC_BYTES);
    blob_fix_crc(out, end + TM_BLOB_CRC_BYTES);
    return end + TM_BLOB_CRC_BYTES;
}
