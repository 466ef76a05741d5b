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

#ifdef __cplusplus
extern "C" {
#endif

#define TM_PROTOCOL_VERSION 1u
#define TM_RUNTIME_VERSION ((0u << 16) | (1u << 8) | 0u) /* 0.1.0 */
#define TM_PACKET_OVERHEAD 8u                            /* version, code, seq, CRC32 */

/* Buffer sizes for a given max payload. */
#define TM_PACKET_CAPACITY(max_payload) ((max_payload) + TM_PACKET_OVERHEAD)
#define TM_WIRE_CAPACITY(max_payload) TM_COBS_MAX_ENCODED(TM_PACKET_CAPACITY(max_payload))

enum { TM_TIME_MICROSECONDS = 1, TM_TIME_INSTRUCTIONS = 2, TM_TIME_CYCLES = 3 };

enum {
    TM_CMD_HELLO = 0x01, TM_CMD_INFO = 0x02,
    TM_CMD_LOAD_BEGIN = 0x10, TM_CMD_LOAD_CHUNK = 0x11, TM_CMD_LOAD_END = 0x12,
    TM_CMD_INFER = 0x20, TM_CMD_STATS = 0x30, TM_CMD_RESET = 0x40,
    TM_ANSWER_ERROR = 0xFF
};

enum {
    TM_ERR_BAD_CRC = 1, TM_ERR_FRAMING = 2, TM_ERR_OVERSIZE = 3, TM_ERR_BAD_VERSION = 4,
    TM_ERR_UNKNOWN_COMMAND = 5, TM_ERR_BAD_LENGTH = 6, TM_ERR_NO_MODEL = 7,
    TM_ERR_NOT_LOADING = 8, TM_ERR_MODEL_TOO_BIG = 9, TM_ERR_BAD_OFFSET = 10,
    TM_ERR_LOAD_INCOMPLETE = 11, TM_ERR_MODEL_CRC = 12, TM_ERR_BAD_BLOB = 13,
    TM_ERR_IO_TOO_BIG = 14
};

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
