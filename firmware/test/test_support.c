#include <string.h>
#include "test_support.h"
#include "blob_writer.h"
#include "../runtime/tm_cobs.h"
#include "../runtime/tm_crc32.h"

tm_tensor test_tensor3(uint32_t h, uint32_t w, uint32_t c, int32_t zero_point)
{
    tm_tensor t;
    memset(&t, 0, sizeof t);
    t.rank = 3;
    t.dims[0] = h;
    t.dims[1] = w;
    t.dims[2] = c;
    t.dims[3] = 1;
    t.scale = 1.0f;
    t.zero_point = zero_point;
    t.bytes = h * w * c;
    return t;
}

void test_op_arrays(tm_op *op, const int8_t *weights, uint32_t weights_count, const int32_t *bias,
                    uint32_t bias_count, const int32_t *multipliers, uint32_t multipliers_count,
                    const int32_t *shifts, uint32_t shifts_count)
{
    op->weights = weights;
    op->weights_count = weights_count;
    op->bias = bias;
    op->bias_count = bias_count;
    op->multipliers = multipliers;
    op->multipliers_count = multipliers_count;
    op->shifts = shifts;
    op->shifts_count = shifts_count;
}

uint32_t test_u32_at(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

void test_server_init(tm_server *server, const tm_board *board, uint32_t *blob, uint32_t blob_capacity,
                      int8_t *arena, uint32_t arena_capacity)
{
    static uint8_t wire_in[TM_WIRE_CAPACITY(TEST_MAX_PAYLOAD)];
    static uint8_t packet_out[TM_PACKET_CAPACITY(TEST_MAX_PAYLOAD)];
    static uint8_t wire_out[TM_WIRE_CAPACITY(TEST_MAX_PAYLOAD) + 1];
    tm_buffers buffers;
    buffers.wire_in = wire_in;
    buffers.packet_out = packet_out;
    buffers.wire_out = wire_out;
    buffers.max_payload = TEST_MAX_PAYLOAD;
    buffers.blob = blob;
    buffers.blob_capacity = blob_capacity;
    buffers.arena = arena;
    buffers.arena_capacity = arena_capacity;
    tm_server_init(server, board, &buffers);
}

uint32_t test_frame(uint8_t command, uint16_t seq, const uint8_t *payload, uint32_t length, uint8_t *wire,
                    uint32_t wire_capacity)
{
    static uint8_t packet[TM_PACKET_CAPACITY(TEST_MAX_PAYLOAD) + 64];
    uint32_t n;
    packet[0] = 1;
    packet[1] = command;
    blob_put_u16(packet + 2, seq);
    if (length > 0) {
        memcpy(packet + 4, payload, length);
    }
    blob_put_u32(packet + 4 + length, tm_crc32(packet, 4 + length));
    n = tm_cobs_encode(packet, 8 + length, wire, wire_capacity - 1);
    wire[n] = 0;
    return n + 1;
}

int32_t test_unframe(const uint8_t *bytes, uint32_t count, uint8_t *packet, uint32_t packet_capacity)
{
    int32_t n;
    if (count < 2 || bytes[count - 1] != 0 || memchr(bytes, 0, count - 1) != NULL) {
        return -1;
    }
    n = tm_cobs_decode(bytes, count - 1, packet, packet_capacity);
    if (n < 8 || tm_crc32(packet, (uint32_t)n - 4) != test_u32_at(packet + n - 4)) {
        return -1;
    }
    return n;
}
