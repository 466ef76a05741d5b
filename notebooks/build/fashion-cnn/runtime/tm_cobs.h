/* Consistent Overhead Byte Stuffing: frames without 0x00, so 0x00 can delimit them. */
#ifndef TM_COBS_H
#define TM_COBS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Encoded size of n bytes at most (without the 0x00 delimiter). */
#define TM_COBS_MAX_ENCODED(n) ((n) + (n) / 254u + 1u)

/* Encodes count bytes into out (capacity bytes, no delimiter written).
 * Returns the encoded length, or 0 if out is too small. */
uint32_t tm_cobs_encode(const uint8_t *in, uint32_t count, uint8_t *out, uint32_t capacity);

/* Decodes count encoded bytes (without delimiter) into out; out may equal in.
 * Returns the decoded length, or -1 if the input is not valid COBS or out is too small. */
int32_t tm_cobs_decode(const uint8_t *in, uint32_t count, uint8_t *out, uint32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
