/* The blob loader: a valid blob loads and runs; every broken rule is named with its offset;
 * truncations and bit flips never load a bad model nor read out of bounds (run under ASan). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "blob_writer.h"
#include "sample_model.h"
#include "../runtime/tm_blob.h"
#include "../runtime/tm_crc32.h"
#include "../runtime/tm_interp.h"

#define ARENA_CAPACITY 4096u
#define T SAMPLE_TENSORS
#define TENSOR(i, field) (24 + 32 * (i) + (field))
#define OP(j, field) (24 + 32 * T + 64 * (j) + (field))

static uint32_t blob_words[1024];
static uint8_t *const blob = (uint8_t *)blob_words;
static uint32_t blob_length;
static uint32_t work_words[1024];
static tm_loaded_model loaded;

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Loads a copy of the blob with one u32/u16/u8 field changed (CRC fixed); checks the status
 * and the offset the loader names. */
static void expect_rejected(uint32_t offset, uint32_t value, int width, tm_status status,
                            uint32_t error_offset, int line)
{
    uint8_t *work = (uint8_t *)work_words;
    uint32_t at = 0;
    tm_status got;
    memcpy(work, blob, blob_length);
    if (width == 4) {
        blob_put_u32(work + offset, value);
    } else if (width == 2) {
        blob_put_u16(work + offset, value);
    } else {
        work[offset] = (uint8_t)value;
    }
    blob_fix_crc(work, blob_length);
    got = tm_blob_load(work, blob_length, ARENA_CAPACITY, &loaded, &at);
    check_int(got, status, "status", __FILE__, line);
    check_int(at, error_offset, "error offset", __FILE__, line);
}

#define REJECT(offset, value, width, status) expect_rejected(offset, value, width, status, offset, __LINE__)
#define REJECT_AT(offset, value, width, status, at) expect_rejected(offset, value, width, status, at, __LINE__)

static void valid_blob_loads_and_runs(void)
{
    const tm_model *m = sample_model();
    static int8_t arena_direct[384], arena_loaded[384];
    uint32_t at = 99, i;
    CHECK_INT(tm_blob_load(blob, blob_length, ARENA_CAPACITY, &loaded, &at), TM_OK);
    CHECK_INT(at, 0);
    CHECK_INT(loaded.model.op_count, SAMPLE_OPS);
    CHECK_INT(loaded.model.arena_bytes, 384);
    for (i = 0; i < 128; i++) {
        arena_direct[i] = arena_loaded[i] = (int8_t)(i * 7);
    }
    tm_invoke(m, arena_direct);
    tm_invoke(&loaded.model, arena_loaded);
    CHECK(memcmp(tm_output_data(m, arena_direct), tm_output_data(&loaded.model, arena_loaded), 5) == 0);
    for (i = 0; i < 128; i++) {
        arena_loaded[i] = (int8_t)(i * 7);
    }
    sample_invoke_straight(arena_loaded); /* the generated-code way gives the same bytes */
    CHECK(memcmp(tm_output_data(m, arena_direct), arena_loaded + 128, 5) == 0);
    /* a softmax output sums to about 256 over zero point -128 */
    {
        const int8_t *out = tm_output_data(m, arena_direct);
        int sum = 0;
        for (i = 0; i < 5; i++) {
            sum += out[i] + 128;
        }
        CHECK(sum > 240 && sum < 270);
    }
    CHECK_INT(tm_model_check(m, ARENA_CAPACITY, &(tm_where){TM_WHERE_HEADER, 0, 0}), TM_OK);
}

static void header_fields_rejected(void)
{
    uint8_t *work = (uint8_t *)work_words;
    uint32_t at;
    CHECK_INT(tm_blob_load(blob, 27, ARENA_CAPACITY, &loaded, &at), TM_E_TOO_SHORT);
    REJECT_AT(0, 'X', 1, TM_E_MAGIC, 0);
    REJECT(4, 2, 2, TM_E_VERSION);
    REJECT(6, 1, 2, TM_E_RESERVED);
    REJECT(8, blob_length + 4, 4, TM_E_SIZE);
    memcpy(work, blob, blob_length);
    work[blob_length - 10] ^= 1; /* a data byte, CRC not fixed */
    CHECK_INT(tm_blob_load(work, blob_length, ARENA_CAPACITY, &loaded, &at), TM_E_CRC);
    CHECK_INT(at, blob_length - 4);
    REJECT(16, 0, 2, TM_E_COUNT);
    REJECT(16, TM_MAX_TENSORS + 1, 2, TM_E_COUNT);
    REJECT(18, 0, 2, TM_E_COUNT);
    REJECT_AT(18, TM_MAX_OPS, 2, TM_E_TOO_SHORT, 8); /* the op table would pass the end */
    REJECT(12, 0, 4, TM_E_ARENA_CAPACITY);
    REJECT(12, ARENA_CAPACITY + 1, 4, TM_E_ARENA_CAPACITY);
    REJECT(20, T, 2, TM_E_TENSOR_INDEX);
    REJECT(22, 0, 2, TM_E_TENSOR_INDEX);
    REJECT_AT(22, 5, 2, TM_E_ALIAS, OP(6, 4)); /* the output is overwritten by a later op */
}

static void tensor_fields_rejected(void)
{
    REJECT(TENSOR(2, 0), 0, 1, TM_E_SHAPE);
    REJECT(TENSOR(2, 0), 5, 1, TM_E_SHAPE);
    REJECT(TENSOR(2, 1), 1, 1, TM_E_RESERVED);
    REJECT(TENSOR(2, 8), 0, 4, TM_E_SHAPE);
    REJECT(TENSOR(2, 16), 2, 4, TM_E_SHAPE);            /* unused dim must be 1 */
    REJECT(TENSOR(2, 20), 0x7FC00000u, 4, TM_E_SHAPE);  /* scale NaN */
    REJECT(TENSOR(2, 20), 0xBF800000u, 4, TM_E_SHAPE);  /* scale -1 */
    REJECT(TENSOR(2, 24), 128, 4, TM_E_ZERO_POINT);
    REJECT(TENSOR(2, 24), (uint32_t)-129, 4, TM_E_ZERO_POINT);
    REJECT(TENSOR(2, 28), 384 - 63, 4, TM_E_ARENA_BOUNDS);
    REJECT(TENSOR(2, 28), 0xFFFFFFF0u, 4, TM_E_ARENA_BOUNDS);
    REJECT_AT(TENSOR(2, 4), 0x10000, 4, TM_E_ARENA_BOUNDS, TENSOR(2, 28)); /* huge but no overflow */
    REJECT_AT(TENSOR(5, 4), 0x80000000u, 4, TM_E_ARENA_BOUNDS, TENSOR(5, 28));
    REJECT_AT(TENSOR(0, 4), 0x80000000u, 4, TM_E_SHAPE, TENSOR(0, 4)); /* size overflows */
}

static void op_fields_rejected(void)
{
    const uint32_t data_start = 24 + 32 * T + 64 * SAMPLE_OPS;
    REJECT(OP(0, 0), 2, 1, TM_E_OPCODE);
    REJECT(OP(0, 0), 0, 1, TM_E_OPCODE);
    REJECT(OP(0, 1), 1, 1, TM_E_RESERVED);
    REJECT(OP(0, 6), 1, 2, TM_E_RESERVED);
    REJECT(OP(0, 2), T, 2, TM_E_TENSOR_INDEX);
    REJECT(OP(0, 4), 0, 2, TM_E_TENSOR_INDEX);
    REJECT(OP(0, 8), 0, 2, TM_E_WINDOW);
    REJECT(OP(0, 12), 0, 2, TM_E_WINDOW);
    REJECT(OP(0, 16), 3, 2, TM_E_WINDOW);               /* padding as large as the kernel */
    REJECT_AT(OP(1, 12), 3, 2, TM_E_WINDOW, OP(1, 16)); /* stride 3: windows past the end */
    REJECT_AT(OP(5, 8), 3, 2, TM_E_WINDOW, OP(5, 8));   /* window on fully connected */
    REJECT(OP(0, 20), 128, 4, TM_E_ACTIVATION);
    REJECT(OP(0, 24), (uint32_t)-129, 4, TM_E_ACTIVATION);
    REJECT(OP(4, 24), 100, 4, TM_E_ACTIVATION);         /* reshape has no activation */
    REJECT(OP(0, 28), (uint32_t)-5, 4, TM_E_ACTIVATION); /* diff_min only for softmax */
    REJECT(OP(6, 28), 1, 4, TM_E_SOFTMAX);
    REJECT_AT(OP(0, 36), 71, 4, TM_E_PARAM_COUNT, OP(0, 36));
    REJECT_AT(OP(0, 44), 3, 4, TM_E_PARAM_COUNT, OP(0, 44));
    REJECT_AT(OP(0, 52), 3, 4, TM_E_PARAM_COUNT, OP(0, 52));
    REJECT_AT(OP(1, 32), 4, 4, TM_E_PARAM_COUNT, OP(1, 32)); /* offset without count */
    REJECT_AT(OP(0, 32), 0, 4, TM_E_DATA_BOUNDS, OP(0, 32));            /* into the header */
    REJECT_AT(OP(0, 32), blob_length - 8, 4, TM_E_DATA_BOUNDS, OP(0, 32)); /* past the end */
    REJECT_AT(OP(0, 40), get_u32(blob + OP(0, 40)) + 1, 4, TM_E_DATA_BOUNDS, OP(0, 40)); /* misaligned */
    REJECT_AT(OP(0, 36), 0xFFFFFFFFu, 4, TM_E_DATA_BOUNDS, OP(0, 32));
    REJECT_AT(OP(5, 52), 1, 4, TM_E_PARAM_COUNT, OP(5, 60)); /* FC per tensor: shifts must follow */
    CHECK(data_start % 4 == 0);
}

static void shift_and_graph_rules_rejected(void)
{
    const uint32_t shifts = get_u32(blob + OP(0, 56));
    REJECT_AT(shifts, 32, 4, TM_E_SHIFT, OP(0, 56));
    REJECT_AT(get_u32(blob + OP(6, 56)), (uint32_t)-1, 4, TM_E_SHIFT, OP(6, 56)); /* softmax: 0..31 */
    REJECT_AT(TENSOR(7, 24), 0, 4, TM_E_SOFTMAX, OP(6, 4));
    REJECT_AT(TENSOR(2, 12), 3, 4, TM_E_OP_SHAPE, OP(1, 4)); /* pool changes channels */
    REJECT_AT(TENSOR(5, 4), 15, 4, TM_E_OP_SHAPE, OP(4, 4)); /* reshape changes size */
    REJECT_AT(20, 1, 2, TM_E_DATAFLOW, OP(0, 2));           /* reads a tensor never written */
    REJECT_AT(TENSOR(2, 28), 128, 4, TM_E_ALIAS, OP(1, 4)); /* output over its input */
    REJECT_AT(TENSOR(3, 28), 0, 4, TM_E_ALIAS, OP(2, 4));
}

static void truncations_and_bit_flips_are_safe(void)
{
    uint8_t *work;
    uint32_t length, bit, at, loaded_ok = 0;
    for (length = 0; length < blob_length; length++) {
        work = malloc(length + 4); /* exact size: ASan sees any read past it */
        memcpy(work, blob, length);
        CHECK(tm_blob_load(work, length, ARENA_CAPACITY, &loaded, &at) != TM_OK);
        free(work);
    }
    for (bit = 0; bit < blob_length * 8; bit++) {
        int fix;
        for (fix = 0; fix < 2; fix++) {
            work = malloc(blob_length);
            memcpy(work, blob, blob_length);
            work[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            if (fix) {
                blob_fix_crc(work, blob_length);
            }
            if (tm_blob_load(work, blob_length, ARENA_CAPACITY, &loaded, &at) == TM_OK) {
                int8_t *arena = malloc(loaded.model.arena_bytes);
                memset(arena, 1, loaded.model.arena_bytes);
                tm_invoke(&loaded.model, arena);
                free(arena);
                loaded_ok++;
                CHECK(fix == 1); /* without the CRC fixed nothing loads */
            }
            free(work);
        }
    }
    CHECK(loaded_ok > 0); /* some flips (weights, scales) give another valid model */
}

void test_blob(void)
{
    blob_length = blob_write(sample_model(), blob, sizeof blob_words);
    CHECK(blob_length > 0 && blob_length % 4 == 0);
    CHECK_INT(get_u32(blob + blob_length - 4), tm_crc32(blob, blob_length - 4));
    valid_blob_loads_and_runs();
    header_fields_rejected();
    tensor_fields_rejected();
    op_fields_rejected();
    shift_and_graph_rules_rejected();
    truncations_and_bit_flips_are_safe();
}
