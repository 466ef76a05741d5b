/* CRC32 as zlib and java.util.zip.CRC32 compute it (reflected 0xEDB88320). */
#ifndef TM_CRC32_H
#define TM_CRC32_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Continues a CRC: start with crc = 0. */
uint32_t tm_crc32_update(uint32_t crc, const uint8_t *bytes, uint32_t count);

uint32_t tm_crc32(const uint8_t *bytes, uint32_t count);

#ifdef __cplusplus
}
#endif

#endif
