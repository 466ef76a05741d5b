/* CRC32 as zlib and java.util.zip.CRC32 compute it (reflected 0xEDB88320). */
#ifndef TM_CRC32_H
#define TM_CRC32_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

uint32_t tm_crc32(const uint8_t *bytes, uint32_t count);

#ifdef __cplusplus
}
#endif

#endif
