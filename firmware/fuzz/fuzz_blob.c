/*
 * Fuzz target for the blob loader. Each input is loaded twice: as it is, and with its size
 * field and CRC made right so that mutations reach the field checks. Every blob that loads is
 * run in an arena of exactly arena_bytes: ASan then catches any kernel reading or writing
 * outside what the loader promised.
 */
#include <stdlib.h>
#include <string.h>
#include "../runtime/tm_blob.h"
#include "../runtime/tm_crc32.h"
#include "../runtime/tm_interp.h"

#define ARENA_CAPACITY (64u << 10)
#define MAX_BLOB (64u << 10)

static void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void load_and_run(const uint8_t *blob, uint32_t size, const uint8_t *input_bytes)
{
    static tm_loaded_model loaded;
    uint32_t at;
    if (tm_blob_load(blob, size, ARENA_CAPACITY, &loaded, &at) == TM_OK) {
        const tm_model *m = &loaded.model;
        int8_t *arena = malloc(m->arena_bytes);
        int8_t *input = tm_input_data(m, arena);
        uint32_t i;
        memset(arena, 0, m->arena_bytes);
        for (i = 0; i < m->tensors[m->input].bytes; i++) {
            input[i] = (int8_t)input_bytes[i % size];
        }
        tm_invoke(m, arena);
        free(arena);
    } else if (at >= size && size > 0) {
        abort(); /* the offset named must be inside the blob */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *blob;
    if (size > MAX_BLOB) {
        return 0;
    }
    blob = malloc(size + 1); /* malloc aligns; exactly sized for ASan */
    memcpy(blob, data, size);
    load_and_run(blob, (uint32_t)size, data);
    if (size >= 28) {
        put_u32(blob + 8, (uint32_t)size);
        put_u32(blob + size - 4, tm_crc32(blob, (uint32_t)size - 4));
        load_and_run(blob, (uint32_t)size, data);
    }
    free(blob);
    return 0;
}
