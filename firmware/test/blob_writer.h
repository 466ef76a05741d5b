/* Test helper: writes a tm_model as a blob (docs/model-format.md), the inverse of tm_blob_load. */
#ifndef BLOB_WRITER_H
#define BLOB_WRITER_H

#include "../runtime/tm_model.h"

/* Writes the blob into out (capacity bytes); returns its length, or 0 if it does not fit. */
uint32_t blob_write(const tm_model *model, uint8_t *out, uint32_t capacity);

/* Recomputes the trailing CRC32 after a test changed bytes. */
void blob_fix_crc(uint8_t *blob, uint32_t length);

void blob_put_u16(uint8_t *p, uint32_t v);
void blob_put_u32(uint8_t *p, uint32_t v);

#endif
