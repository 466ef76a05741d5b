/*
 * The serial protocol server (docs/protocol.md), independent of the board: feed it received
 * bytes one at a time; it answers through the board's write function. All memory is given
 * by the board (static buffers), nothing is allocated.
 */
#ifndef TM_PROTO_H
#define TM_PROTO_H

#include <stdint.h>
#include "tm_blob.h"
#include "tm_cobs.h"
#include "tm_format.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TM_RUNTIME_VERSION ((0u << 16) | (1u << 8) | 0u) /* 0.1.0 */

/* Buffer sizes for a given max payload. */
#define TM_PACKET_CAPACITY(max_payload) ((max_payload) + TM_PACKET_OVERHEAD)
#define TM_WIRE_CAPACITY(max_payload) TM_COBS_MAX_ENCODED(TM_PACKET_CAPACITY(max_payload))

/* What the board provides. */
typedef struct {
    const char *name;      /* "host", "qemu-m4", ... */
    uint32_t clock_hz;     /* 0 when unknown */
    uint32_t free_ram;     /* 0 when unknown */
    uint32_t free_flash;   /* 0 when unknown */
    uint8_t time_unit;     /* TM_TIME_* */
    void (*write)(const uint8_t *bytes, uint32_t count);
    void (*stopwatch_start)(void);
    uint64_t (*stopwatch_read)(void); /* time since stopwatch_start, in time_unit */
} tm_board;

/* The board's static buffers. */
typedef struct {
    uint8_t *wire_in;       /* TM_WIRE_CAPACITY(max_payload) bytes */
    uint8_t *packet_out;    /* TM_PACKET_CAPACITY(max_payload) bytes */
    uint8_t *wire_out;      /* TM_WIRE_CAPACITY(max_payload) + 1 bytes */
    uint32_t max_payload;   /* >= 256 */
    uint32_t *blob;         /* the model blob, 4-byte aligned */
    uint32_t blob_capacity; /* bytes */
    int8_t *arena;
    uint32_t arena_capacity;
} tm_buffers;

typedef struct {
    uint32_t frames_ok, crc_errors, framing_errors, oversize_frames;
    uint32_t inferences, loads_ok, loads_failed;
    uint64_t last_infer_time;
} tm_stats;

typedef struct {
    const tm_board *board;
    tm_buffers buf;
    uint32_t wire_in_length;
    int wire_in_overflow;
    /* loading */
    int loading;
    uint32_t load_size, load_crc, load_received;
    /* the active model: the last blob loaded, else the built-in one (tm_server_use_model) */
    int model_loaded;
    uint32_t model_crc;
    const tm_model *active;
    const tm_model *builtin;
    uint32_t builtin_crc;
    tm_loaded_model model;
    tm_stats stats;
} tm_server;

void tm_server_init(tm_server *server, const tm_board *board, const tm_buffers *buffers);

/* Serves a model compiled into the firmware (the C export's `model`, checked by the caller)
 * until a blob is loaded, and again after RESET; `crc` is what INFO reports as its CRC. The
 * arena in the buffers must be the model's. A board without a blob buffer (blob_capacity 0)
 * serves only this model. */
void tm_server_use_model(tm_server *server, const tm_model *model, uint32_t crc);

/* Feeds one received byte; answers when it completes a frame. */
void tm_server_feed(tm_server *server, uint8_t byte);

#ifdef __cplusplus
}
#endif

#endif
