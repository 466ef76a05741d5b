/* COBS (Cheshire & Baker): each block is a code byte n followed by n-1 data bytes, meaning
 * "n-1 bytes, then a zero" (no zero after a block of 254, code 0xFF, nor at the very end). */
#include "tm_cobs.h"

uint32_t tm_cobs_encode(const uint8_t *in, uint32_t count, uint8_t *out, uint32_t capacity)
{
    uint32_t code_at = 0; /* where the current block's code byte goes */
    uint32_t o = 1;
    uint8_t code = 1;
    uint32_t i;
    if (capacity == 0) {
        return 0;
    }
    for (i = 0; i < count; i++) {
        if (in[i] == 0) {
            out[code_at] = code;
            code_at = o++;
            code = 1;
        } else {
            if (o >= capacity) {
                return 0;
            }
            out[o++] = in[i];
            code++;
            if (code == 0xFF && i + 1 < count) {
                out[code_at] = code;
                code_at = o++;
                code = 1;
            }
        }
        if (code_at >= capacity) {
            return 0;
        }
    }
    out[code_at] = code;
    return o;
}

int32_t tm_cobs_decode(const uint8_t *in, uint32_t count, uint8_t *out, uint32_t capacity)
{
    uint32_t i = 0;
    uint32_t o = 0;
    while (i < count) {
        const uint8_t code = in[i++];
        uint8_t k;
        if (code == 0 || (uint32_t)(code - 1) > count - i) {
            return -1; /* a zero inside a frame, or a block running past the end */
        }
        for (k = 1; k < code; k++) {
            if (o >= capacity || in[i] == 0) {
                return -1;
            }
            out[o++] = in[i++];
        }
        if (code != 0xFF && i < count) {
            if (o >= capacity) {
                return -1;
            }
            out[o++] = 0;
        }
    }
    return (int32_t)o;
}
