/*
 * Fuzz target for the blob loader. Each input is loaded three times: as it is; with its size
 * field and CRC made right so that mutations reach the field checks; and as byte edits
 * (position, value) applied to the valid sample blob, CRC made right, so that many nearly
 * valid models load with odd shapes, windows and parameters. Every blob that loads is run in
 * an arena of exactly arena_bytes: ASan then catches any kernel reading or writing outside
 * what the loader promised.
 */
#include <stdlib.h>
#include <string.h>
#include "../runtime/tm_blob.h"
#include "../runtime/tm_crc32.h"
#include "../runtime/tm_format.h"
#include "../runtime/tm_interp.h"
#include "../test/blob_writer.h"
#include "../test/sample_model.h"

#define ARENA_CAPACITY (64u << 10)
#define MAX_BLOB (64u << 10)

static void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void load_and_run(const uint8_t *blob, uint32_t size, const uint8_t *input_bytes, size_t input_size)
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
            input[i] = input_size > 0 ? (int8_t)input_bytes[i % input_size] : 0;
        }
        tm_invoke(m, arena);
        free(arena);
    } else if (at >= size && size > 0) {
        abort(); /* the offset named must be inside the blob */
    }
}

/* The sample blob with edits: each 3 input bytes set blob[(b0 << 8 | b1) % length] = b2. */
static void load_edited_sample(const uint8_t *data, size_t size)
{
    static uint32_t sample[1024];
    static uint32_t sample_length;
    uint8_t *blob;
    size_t i;
    if (sample_length == 0) {
        sample_length = blob_write(sample_model(), (uint8_t *)sample, sizeof sample);
    }
    blob = malloc(sample_length);
    memcpy(blob, sample, sample_length);
    for (i = 0; i + 3 <= size; i += 3) {
        blob[((uint32_t)data[i] << 8 | data[i + 1]) % (sample_length - TM_BLOB_CRC_BYTES)] = data[i + 2];
    }
    blob_fix_crc(blob, sample_length);
    load_and_run(blob, sample_length, data, size);
    free(blob);
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
    load_and_run(blob, (uint32_t)size, data, size);
    if (size >= TM_BLOB_HEADER_BYTES + TM_BLOB_CRC_BYTES) {
        put_u32(blob + TM_HEADER_TOTAL_BYTES, (uint32_t)size);
        put_u32(blob + size - TM_BLOB_CRC_BYTES, tm_crc32(blob, (uint32_t)size - TM_BLOB_CRC_BYTES));
        load_and_run(blob, (uint32_t)size, data, size);
    }
    free(blob);
    load_edited_sample(data, size);
    return 0;
}
