/* Helpers the C tests and the fuzz targets share: tensors and ops for kernel calls, and request
 * frames, answer frames and buffers for the protocol server. No check.h: the fuzz targets link
 * these without the test harness. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include "../runtime/tm_model.h"
#include "../runtime/tm_proto.h"

/* The largest payload the test and fuzz servers take. */
#define TEST_MAX_PAYLOAD 512u

/* An (h, w, c) int8 tensor with scale 1 and the given zero point, not in an arena. */
tm_tensor test_tensor3(uint32_t h, uint32_t w, uint32_t c, int32_t zero_point);

/* Points op at its constant arrays. */
void test_op_arrays(tm_op *op, const int8_t *weights, uint32_t weights_count, const int32_t *bias,
                    uint32_t bias_count, const int32_t *multipliers, uint32_t multipliers_count,
                    const int32_t *shifts, uint32_t shifts_count);

/* The little-endian uint32 at p. */
uint32_t test_u32_at(const uint8_t *p);

/* Starts server on board with wire and packet buffers for TEST_MAX_PAYLOAD and the given blob
 * and arena buffers. */
void test_server_init(tm_server *server, const tm_board *board, uint32_t *blob, uint32_t blob_capacity,
                      int8_t *arena, uint32_t arena_capacity);

/* Writes a version 1 request frame (command, seq, payload of length <= TEST_MAX_PAYLOAD + 56,
 * CRC32; COBS; the closing zero) into wire; returns its length with the closing zero. */
uint32_t test_frame(uint8_t command, uint16_t seq, const uint8_t *payload, uint32_t length, uint8_t *wire,
                    uint32_t wire_capacity);

/* If bytes are exactly one frame (COBS, the closing zero, none before it) whose packet has at least
 * 8 bytes and a good CRC32, decodes it into packet and returns the packet's length; else -1. */
int32_t test_unframe(const uint8_t *bytes, uint32_t count, uint8_t *packet, uint32_t packet_capacity);

#endif
