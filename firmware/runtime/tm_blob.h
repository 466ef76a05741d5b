/*
 * The model blob loader (docs/model-format.md): checks every field, then builds the tm_model
 * that the interpreter runs. The model points into the blob for weights and parameters, so the
 * blob must stay in place (and 4-byte aligned) while the model is in use.
 */
#ifndef TM_BLOB_H
#define TM_BLOB_H

#include "tm_check.h"
#include "tm_format.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    tm_tensor tensors[TM_MAX_TENSORS];
    tm_op ops[TM_MAX_OPS];
    tm_model model;
} tm_loaded_model;

/* Loads blob[0..length) into *loaded. Returns TM_OK, or the first rule broken with
 * *error_offset = the blob byte offset of the offending field. */
tm_status tm_blob_load(const uint8_t *blob, uint32_t length, uint32_t arena_capacity,
                       tm_loaded_model *loaded, uint32_t *error_offset);

#ifdef __cplusplus
}
#endif

#endif
