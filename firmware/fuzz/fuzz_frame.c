/*
 * Fuzz target for the protocol server. The first byte chooses how the rest is fed:
 *   0: raw bytes, as a noisy line would deliver them;
 *   1: records (command, length, payload) wrapped into valid frames, so that mutations reach
 *      the command handlers;
 *   2: as 1, after a valid model was loaded, so that INFER runs.
 * Every answer must be one well-formed frame (COBS, CRC, version 1): otherwise abort().
 */
#include <stdlib.h>
#include <string.h>
#include "../runtime/tm_proto.h"
#include "../test/blob_writer.h"
#include "../test/sample_model.h"
#include "../test/test_support.h"

#define MAX_PAYLOAD TEST_MAX_PAYLOAD

static uint32_t blob_buffer[4096 / 4];
static int8_t arena[4096];
static tm_server server;

static void check_answer(const uint8_t *bytes, uint32_t count)
{
    static uint8_t packet[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
    if (test_unframe(bytes, count, packet, sizeof packet) < 0 || packet[0] != 1) {
        abort();
    }
}

static void stopwatch_start(void) {}
static uint64_t stopwatch_read(void) { return 1; }

static const tm_board board = {"fuzz", 0, 0, 0, TM_TIME_MICROSECONDS, check_answer, stopwatch_start, stopwatch_read};

static void send_frame(uint8_t command, uint16_t seq, const uint8_t *payload, uint32_t length)
{
    static uint8_t wire[TM_WIRE_CAPACITY(MAX_PAYLOAD) + 1];
    const uint32_t n = test_frame(command, seq, payload, length, wire, sizeof wire);
    uint32_t i;
    for (i = 0; i < n; i++) {
        tm_server_feed(&server, wire[i]);
    }
}

static void load_sample(void)
{
    static uint32_t words[1024];
    static uint8_t chunk[MAX_PAYLOAD];
    uint8_t *blob = (uint8_t *)words;
    const uint32_t length = blob_write(sample_model(), blob, sizeof words);
    uint32_t offset;
    blob_put_u32(chunk, length);
    memcpy(chunk + 4, blob + length - 4, 4);
    send_frame(TM_CMD_LOAD_BEGIN, 1, chunk, 8);
    for (offset = 0; offset < length; offset += 400) {
        const uint32_t count = length - offset < 400 ? length - offset : 400;
        blob_put_u32(chunk, offset);
        memcpy(chunk + 4, blob + offset, count);
        send_frame(TM_CMD_LOAD_CHUNK, 2, chunk, 4 + count);
    }
    send_frame(TM_CMD_LOAD_END, 3, NULL, 0);
    if (!server.model_loaded) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i;
    test_server_init(&server, &board, blob_buffer, sizeof blob_buffer, arena, sizeof arena);
    if (size == 0) {
        return 0;
    }
    if (data[0] % 3 == 0) {
        for (i = 1; i < size; i++) {
            tm_server_feed(&server, data[i]);
        }
        return 0;
    }
    if (data[0] % 3 == 2) {
        load_sample();
    }
    i = 1;
    while (i + 2 <= size) {
        const uint8_t command = data[i];
        uint32_t length = data[i + 1];
        i += 2;
        if (length > size - i) {
            length = (uint32_t)(size - i);
        }
        send_frame(command, (uint16_t)i, data + i, length);
        i += length;
    }
    return 0;
}
