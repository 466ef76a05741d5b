/* The protocol server against a fake board: every command, the load rules, and garbage. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "blob_writer.h"
#include "sample_model.h"
#include "test_support.h"
#include "../runtime/tm_proto.h"
#include "../runtime/tm_crc32.h"
#include "../runtime/tm_interp.h"

#define MAX_PAYLOAD TEST_MAX_PAYLOAD

static uint32_t blob_buffer[1024];
static int8_t arena[2048];
static tm_server server;

/* What the board wrote since the last request. */
static uint8_t written[4096];
static uint32_t written_length;

static void board_write(const uint8_t *bytes, uint32_t count)
{
    if (written_length + count <= sizeof written) {
        memcpy(written + written_length, bytes, count);
    }
    written_length += count;
}

static void stopwatch_start(void) {}
static uint64_t stopwatch_read(void) { return 1234; }

static const tm_board board = {"test", 0, 0, 0, TM_TIME_MICROSECONDS, board_write, stopwatch_start, stopwatch_read};

/* The decoded answer. */
static uint8_t answer[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
static uint32_t answer_length;

static void feed(const uint8_t *bytes, uint32_t count)
{
    uint32_t i;
    written_length = 0;
    for (i = 0; i < count; i++) {
        tm_server_feed(&server, bytes[i]);
    }
}

/* Decodes the one frame the board wrote; returns 0 if it wrote none or several. */
static int read_answer(void)
{
    const int32_t n = test_unframe(written, written_length, answer, sizeof answer);
    answer_length = 0;
    if (n < 0) {
        return 0;
    }
    answer_length = (uint32_t)n;
    return 1;
}

/* Sends one request frame and decodes the answer. */
static int request(uint8_t command, uint16_t seq, const uint8_t *payload, uint32_t length)
{
    static uint8_t wire[TM_WIRE_CAPACITY(MAX_PAYLOAD + 64) + 1];
    feed(wire, test_frame(command, seq, payload, length, wire, sizeof wire));
    return read_answer();
}

static const uint8_t *payload(void) { return answer + 4; }

static void expect_ok(uint8_t command, uint16_t seq, int line)
{
    check_int(answer_length >= 8, 1, "answer received", __FILE__, line);
    check_int(answer[1], command | TM_ANSWER_BIT, "answer code", __FILE__, line);
    check_int(answer[2] | (answer[3] << 8), seq, "answer seq", __FILE__, line);
}

static void expect_error(uint8_t error, uint8_t command, uint16_t seq, uint32_t detail, int line)
{
    check_int(answer_length >= 16, 1, "error answer received", __FILE__, line);
    check_int(answer[1], TM_ANSWER_ERROR, "answer code", __FILE__, line);
    check_int(answer[2] | (answer[3] << 8), seq, "answer seq", __FILE__, line);
    check_int(payload()[0], error, "error code", __FILE__, line);
    check_int(payload()[1], command, "error command", __FILE__, line);
    check_int(test_u32_at(payload() + 4), detail, "error detail", __FILE__, line);
}

#define EXPECT_OK(command, seq) expect_ok(command, seq, __LINE__)
#define EXPECT_ERROR(error, command, seq, detail) expect_error(error, command, seq, detail, __LINE__)

static void begin(uint32_t size, uint32_t crc, uint16_t seq)
{
    uint8_t p[8];
    blob_put_u32(p, size);
    blob_put_u32(p + 4, crc);
    request(TM_CMD_LOAD_BEGIN, seq, p, 8);
}

static void chunk(const uint8_t *blob, uint32_t offset, uint32_t count, uint16_t seq)
{
    static uint8_t p[MAX_PAYLOAD];
    blob_put_u32(p, offset);
    memcpy(p + 4, blob + offset, count);
    request(TM_CMD_LOAD_CHUNK, seq, p, 4 + count);
}

/* Uploads a whole blob in 300-byte chunks and sends LOAD_END. */
static void upload(const uint8_t *blob, uint32_t length)
{
    uint32_t offset;
    begin(length, test_u32_at(blob + length - 4), 10);
    EXPECT_OK(TM_CMD_LOAD_BEGIN, 10);
    CHECK_INT(test_u32_at(payload()), MAX_PAYLOAD - 4);
    for (offset = 0; offset < length; offset += 300) {
        chunk(blob, offset, length - offset < 300 ? length - offset : 300, 11);
        EXPECT_OK(TM_CMD_LOAD_CHUNK, 11);
    }
    request(TM_CMD_LOAD_END, 12, NULL, 0);
}

static void hello_and_info(void)
{
    CHECK(request(TM_CMD_HELLO, 1, NULL, 0));
    EXPECT_OK(TM_CMD_HELLO, 1);
    CHECK(memcmp(payload(), "TMRT", 4) == 0);
    CHECK_INT(payload()[4], 1);
    CHECK_INT(payload()[5], 1);
    CHECK_INT(test_u32_at(payload() + 8), MAX_PAYLOAD);
    CHECK(request(TM_CMD_INFO, 2, NULL, 0));
    EXPECT_OK(TM_CMD_INFO, 2);
    CHECK_INT(test_u32_at(payload() + 8), sizeof blob_buffer);
    CHECK_INT(test_u32_at(payload() + 12), sizeof arena);
    CHECK_INT(payload()[32], TM_TIME_MICROSECONDS);
    CHECK_INT(payload()[33], 0);
    CHECK_INT(payload()[40], 4);
    CHECK(memcmp(payload() + 41, "test", 4) == 0);
    CHECK_INT(answer_length, 8 + 45);
}

static void load_and_infer(const uint8_t *blob, uint32_t length)
{
    static int8_t reference[2048];
    uint8_t input[128];
    uint32_t i;
    const tm_model *m = sample_model();

    request(TM_CMD_INFER, 3, input, 128);
    EXPECT_ERROR(TM_ERR_NO_MODEL, TM_CMD_INFER, 3, 0);
    upload(blob, length);
    EXPECT_OK(TM_CMD_LOAD_END, 12);
    CHECK_INT(test_u32_at(payload()), test_u32_at(blob + length - 4));
    CHECK_INT(test_u32_at(payload() + 4), 384);
    CHECK_INT(test_u32_at(payload() + 12), 128);
    CHECK_INT(test_u32_at(payload() + 16), 5);

    request(TM_CMD_INFER, 4, input, 127);
    EXPECT_ERROR(TM_ERR_BAD_LENGTH, TM_CMD_INFER, 4, 128);
    for (i = 0; i < 128; i++) {
        input[i] = (uint8_t)(i * 13 + 5);
        reference[i] = (int8_t)input[i];
    }
    tm_invoke(m, reference);
    request(TM_CMD_INFER, 5, input, 128);
    EXPECT_OK(TM_CMD_INFER, 5);
    CHECK_INT(answer_length, 8 + 12 + 5);
    CHECK_INT(payload()[0], TM_TIME_MICROSECONDS);
    CHECK_INT(test_u32_at(payload() + 4), 1234);
    CHECK(memcmp(payload() + 12, tm_output_data(m, reference), 5) == 0);

    request(TM_CMD_INFO, 6, NULL, 0);
    CHECK_INT(payload()[33], 1);
    CHECK_INT(test_u32_at(payload() + 36), test_u32_at(blob + length - 4));
}

/* Garbage never stops the board, and never unloads the model. */
static void garbage_gets_errors(void)
{
    static uint8_t noise[TM_WIRE_CAPACITY(MAX_PAYLOAD) + 100];
    static const uint8_t empty_frames[3] = {0, 0, 0};
    static const uint8_t short_frame[4] = {3, 1, 2, 0};
    static const uint8_t bad_cobs[5] = {9, 1, 2, 3, 0};
    uint8_t input[128] = {0};
    uint32_t i;

    feed(empty_frames, 3);
    CHECK_INT(written_length, 0);
    feed(short_frame, 4);
    CHECK(read_answer());
    EXPECT_ERROR(TM_ERR_FRAMING, 0, 0, 2); /* decodes to 2 bytes */
    feed(bad_cobs, 5);
    CHECK(read_answer());
    EXPECT_ERROR(TM_ERR_FRAMING, 0, 0, 0);
    for (i = 0; i < sizeof noise; i++) {
        noise[i] = (uint8_t)(i % 251 + 1);
    }
    noise[sizeof noise - 1] = 0;
    feed(noise, sizeof noise);
    CHECK(read_answer());
    EXPECT_ERROR(TM_ERR_OVERSIZE, 0, 0, MAX_PAYLOAD);
    feed(noise + sizeof noise - 40, 40); /* 39 bytes of noise: a block runs past the end */
    CHECK(read_answer());
    EXPECT_ERROR(TM_ERR_FRAMING, 0, 0, 0);

    request(0x55, 20, NULL, 0);
    EXPECT_ERROR(TM_ERR_UNKNOWN_COMMAND, 0x55, 20, 0x55);
    request(TM_CMD_HELLO, 21, input, 3);
    EXPECT_ERROR(TM_ERR_BAD_LENGTH, TM_CMD_HELLO, 21, 0);
    request(TM_CMD_LOAD_BEGIN, 22, input, 7);
    EXPECT_ERROR(TM_ERR_BAD_LENGTH, TM_CMD_LOAD_BEGIN, 22, 8);
    {
        uint8_t packet[12] = {2, TM_CMD_HELLO, 23, 0};
        uint8_t wire[16];
        uint32_t n;
        blob_put_u32(packet + 4, tm_crc32(packet, 4));
        n = tm_cobs_encode(packet, 8, wire, sizeof wire);
        wire[n] = 0;
        feed(wire, n + 1);
        CHECK(read_answer());
        EXPECT_ERROR(TM_ERR_BAD_VERSION, TM_CMD_HELLO, 23, 2);
        packet[0] = 1;
        packet[4] ^= 0xFF; /* CRC broken */
        n = tm_cobs_encode(packet, 8, wire, sizeof wire);
        wire[n] = 0;
        feed(wire, n + 1);
        CHECK(read_answer());
        CHECK_INT(payload()[0], TM_ERR_BAD_CRC);
    }
    request(TM_CMD_INFER, 24, input, 128);
    EXPECT_OK(TM_CMD_INFER, 24);
}

static void bad_loads_leave_no_model(uint8_t *blob, uint32_t length)
{
    uint8_t input[128] = {0};
    uint8_t p[8];

    request(TM_CMD_LOAD_END, 30, NULL, 0);
    EXPECT_ERROR(TM_ERR_NOT_LOADING, TM_CMD_LOAD_END, 30, 0);
    blob_put_u32(p, 0);
    request(TM_CMD_LOAD_CHUNK, 31, p, 5);
    EXPECT_ERROR(TM_ERR_NOT_LOADING, TM_CMD_LOAD_CHUNK, 31, 0);

    begin(sizeof blob_buffer + 1, 0, 32);
    EXPECT_ERROR(TM_ERR_MODEL_TOO_BIG, TM_CMD_LOAD_BEGIN, 32, sizeof blob_buffer);
    request(TM_CMD_INFER, 33, input, 128);
    EXPECT_ERROR(TM_ERR_NO_MODEL, TM_CMD_INFER, 33, 0); /* a LOAD_BEGIN unloads */

    begin(length, test_u32_at(blob + length - 4), 34);
    chunk(blob, 0, 100, 35);
    EXPECT_OK(TM_CMD_LOAD_CHUNK, 35);
    CHECK_INT(test_u32_at(payload()), 100);
    chunk(blob, 0, 100, 36); /* a retry of a chunk whose ack was lost */
    EXPECT_OK(TM_CMD_LOAD_CHUNK, 36);
    CHECK_INT(test_u32_at(payload()), 100);
    chunk(blob, 200, 100, 37); /* a gap */
    EXPECT_ERROR(TM_ERR_BAD_OFFSET, TM_CMD_LOAD_CHUNK, 37, 100);
    chunk(blob, length - 50, 50, 38); /* past the end is fine only from received */
    EXPECT_ERROR(TM_ERR_BAD_OFFSET, TM_CMD_LOAD_CHUNK, 38, 100);
    request(TM_CMD_LOAD_END, 39, NULL, 0);
    EXPECT_ERROR(TM_ERR_LOAD_INCOMPLETE, TM_CMD_LOAD_END, 39, 100);

    blob[length - 10] ^= 0x40; /* a weight byte changed in transit */
    upload(blob, length);
    EXPECT_ERROR(TM_ERR_MODEL_CRC, TM_CMD_LOAD_END, 12, tm_crc32(blob, length - 4));
    blob[length - 10] ^= 0x40;

    blob_put_u32(blob + 24 + 32 * 2 + 24, 300); /* tensor 2's zero point */
    blob_fix_crc(blob, length);
    upload(blob, length);
    EXPECT_ERROR(TM_ERR_BAD_BLOB, TM_CMD_LOAD_END, 12, 24 + 32 * 2 + 24);
    CHECK_INT(payload()[2], TM_E_ZERO_POINT);
    blob_put_u32(blob + 24 + 32 * 2 + 24, (uint32_t)-128);
    blob_fix_crc(blob, length);

    request(TM_CMD_INFER, 40, input, 128);
    EXPECT_ERROR(TM_ERR_NO_MODEL, TM_CMD_INFER, 40, 0);
}

static void stats_and_reset(const uint8_t *blob, uint32_t length)
{
    uint8_t input[128] = {0};
    upload(blob, length);
    EXPECT_OK(TM_CMD_LOAD_END, 12);
    request(TM_CMD_STATS, 50, NULL, 0);
    EXPECT_OK(TM_CMD_STATS, 50);
    CHECK_INT(answer_length, 8 + 40);
    CHECK(test_u32_at(payload()) > 20);                /* frames_ok */
    CHECK_INT(test_u32_at(payload() + 4), 1);          /* crc errors */
    CHECK_INT(test_u32_at(payload() + 8), 3);          /* framing errors */
    CHECK_INT(test_u32_at(payload() + 12), 1);         /* oversize */
    CHECK_INT(test_u32_at(payload() + 16), 2);         /* inferences */
    CHECK_INT(test_u32_at(payload() + 20), 2);         /* loads ok */
    CHECK_INT(test_u32_at(payload() + 24), 3);         /* loads failed */
    CHECK_INT(test_u32_at(payload() + 32), 1234);
    request(TM_CMD_RESET, 51, NULL, 0);
    EXPECT_OK(TM_CMD_RESET, 51);
    CHECK_INT(answer_length, 8);
    request(TM_CMD_INFER, 52, input, 128);
    EXPECT_ERROR(TM_ERR_NO_MODEL, TM_CMD_INFER, 52, 0);
    request(TM_CMD_STATS, 53, NULL, 0);
    CHECK_INT(test_u32_at(payload()), 2); /* INFER and STATS since the reset */
}

/* COBS and CRC32 on their own: known vectors and round trips at the block edges. */
static void cobs_and_crc(void)
{
    static const uint8_t plain[4] = {0x11, 0x22, 0x00, 0x33};
    static const uint8_t encoded[5] = {0x03, 0x11, 0x22, 0x02, 0x33};
    static const uint8_t zero_inside[3] = {0x02, 0x00, 0x01};
    static uint8_t in[1200], wire[1300], out[1300];
    static const uint32_t lengths[] = {0, 1, 2, 253, 254, 255, 508, 509, 1000};
    uint32_t n, k, i;
    CHECK_INT(tm_crc32((const uint8_t *)"123456789", 9), 0xCBF43926u);
    CHECK_INT(tm_cobs_encode(plain, 4, wire, sizeof wire), 5);
    CHECK(memcmp(wire, encoded, 5) == 0);
    CHECK_INT(tm_cobs_decode(encoded, 5, out, sizeof out), 4);
    CHECK(memcmp(out, plain, 4) == 0);
    CHECK_INT(tm_cobs_decode(zero_inside, 3, out, sizeof out), -1);
    CHECK_INT(tm_cobs_encode(plain, 4, wire, 4), 0); /* too small */
    for (k = 0; k < sizeof lengths / sizeof lengths[0]; k++) {
        for (i = 0; i < lengths[k]; i++) {
            in[i] = (uint8_t)(k % 2 == 0 ? i % 255 + 1 : (i * 7) % 5); /* no zeros, or many */
        }
        n = tm_cobs_encode(in, lengths[k], wire, sizeof wire);
        CHECK(n >= lengths[k] + 1 && n <= TM_COBS_MAX_ENCODED(lengths[k]));
        CHECK(memchr(wire, 0, n) == NULL);
        CHECK_INT(tm_cobs_decode(wire, n, out, sizeof out), lengths[k]);
        CHECK(memcmp(out, in, lengths[k]) == 0);
    }
}

void test_proto(void)
{
    static uint32_t blob_words[1024];
    uint8_t *blob = (uint8_t *)blob_words;
    const uint32_t length = blob_write(sample_model(), blob, sizeof blob_words);
    test_server_init(&server, &board, blob_buffer, sizeof blob_buffer, arena, sizeof arena);
    CHECK(length > MAX_PAYLOAD);
    cobs_and_crc();
    hello_and_info();
    load_and_infer(blob, length);
    garbage_gets_errors();
    bad_loads_leave_no_model(blob, length);
    stats_and_reset(blob, length);
}
