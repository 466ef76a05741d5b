/*
 * Validation of an in-memory model: every rule of docs/model-format.md that is not about the
 * blob's bytes (shapes, op parameters, data flow, arena plan). The blob loader calls it after
 * parsing; generated code may call it once at start-up.
 */
#ifndef TM_CHECK_H
#define TM_CHECK_H

#include "tm_model.h"
#include "tm_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef TM_MAX_TENSORS
#define TM_MAX_TENSORS 64
#endif
#ifndef TM_MAX_OPS
#define TM_MAX_OPS 64
#endif

/* Which field failed, named as the blob lays it out: the table, the entry, and the byte
 * offset of the field inside the entry (docs/model-format.md). */
typedef enum { TM_WHERE_HEADER = 0, TM_WHERE_TENSOR = 1, TM_WHERE_OP = 2 } tm_table;

typedef struct {
    tm_table table;
    uint16_t index;
    uint8_t field;
} tm_where;

/* Byte size of a shape, or 0 when a dim is 0 or the product leaves uint32. */
uint32_t tm_shape_bytes(uint8_t rank, const uint32_t dims[TM_MAX_RANK]);

/* TM_OK, or the first rule broken; *where names the field. */
tm_status tm_model_check(const tm_model *model, uint32_t arena_capacity, tm_where *where);

#ifdef __cplusplus
}
#endif

#endif
