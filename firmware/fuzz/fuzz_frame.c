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
#include "../runtime/tm_crc32.h"
#include "../test/blob_writer.h"
#include "../test/sample_model.h"

#define MAX_PAYLOAD 512u

static uint8_t wire_in[TM_WIRE_CAPACITY(MAX_PAYLOAD)];
static uint8_t packet_out[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
static uint8_t wire_out[TM_WIRE_CAPACITY(MAX_PAYLOAD) + 1];
static uint32_t blob_buffer[4096 / 4];
static int8_t arena[4096];
static tm_server server;

static void check_answer(const uint8_t *bytes, uint32_t count)
{
    static uint8_t packet[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
    int32_t n;
    if (count < 2 || bytes[count - 1] != 0 || memchr(bytes, 0, count - 1) != NULL) {
        abort();
    }
    n = tm_cobs_decode(bytes, count - 1, packet, sizeof packet);
    if (n < 8 || packet[0] != 1
        || tm_crc32(packet, (uint32_t)n - 4) != ((uint32_t)packet[n - 4] | ((uint32_t)packet[n - 3] << 8)
                                                 | ((uint32_t)packet[n - 2] << 16) | ((uint32_t)packet[n - 1] << 24))) {
        abort();
    }
}

static void stopwatch_start(void) {}
static uint64_t stopwatch_read(void) { return 1; }

static const tm_board board = {"fuzz", 0, 0, 0, TM_TIME_MICROSECONDS, check_answer, stopwatch_start, stopwatch_read};

static void send_frame(uint8_t command, uint16_t seq, const uint8_t *payload, uint32_t length)
{
    static uint8_t packet[TM_PACKET_CAPACITY(MAX_PAYLOAD)];
    static uint8_t wire[TM_WIRE_CAPACITY(MAX_PAYLOAD) + 1];
    uint32_t n, i;
    packet[0] = 1;
    packet[1] = command;
    blob_put_u16(packet + 2, seq);
    if (length > 0) {
        memcpy(packet + 4, payload, length);
    }
    blob_put_u32(packet + 4 + length, tm_crc32(packet, 4 + length));
    n = tm_cobs_encode(packet, 8 + length, wire, sizeof wire);
    wire[n] = 0;
    for (i = 0; i <= n; i++) {
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
    tm_buffers buffers;
    size_t i;
    buffers.wire_in = wire_in;
    buffers.packet_out = packet_out;
    buffers.wire_out = wire_out;
    buffers.max_payload = MAX_PAYLOAD;
    buffers.blob = blob_buffer;
    buffers.blob_capacity = sizeof blob_buffer;
    buffers.arena = arena;
    buffers.arena_capacity = sizeof arena;
    tm_server_init(&server, &board, &buffers);
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
