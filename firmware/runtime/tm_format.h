/*
 * The byte layouts both ends of the wire agree on, named once for the firmware, its tests and
 * the fuzzers: the model blob (docs/model-format.md) and the serial protocol (docs/protocol.md).
 * The Java side mirrors them in io.tinymlaas.codegen.BlobWriter and io.tinymlaas.device.
 */
#ifndef TM_FORMAT_H
#define TM_FORMAT_H

/* ---- model blob: little-endian; header, tensor table, op table, data, CRC32 */
#define TM_BLOB_VERSION 1u
#define TM_BLOB_HEADER_BYTES 24u
#define TM_BLOB_TENSOR_BYTES 32u
#define TM_BLOB_OP_BYTES 64u
#define TM_BLOB_CRC_BYTES 4u

/* Field offsets inside the header, a tensor entry and an op entry. */
enum {
    TM_HEADER_MAGIC = 0, TM_HEADER_VERSION = 4, TM_HEADER_RESERVED = 6, TM_HEADER_TOTAL_BYTES = 8,
    TM_HEADER_ARENA_BYTES = 12, TM_HEADER_TENSOR_COUNT = 16, TM_HEADER_OP_COUNT = 18,
    TM_HEADER_INPUT = 20, TM_HEADER_OUTPUT = 22
};
enum {
    TM_TENSOR_RANK = 0, TM_TENSOR_RESERVED = 1, TM_TENSOR_DIMS = 4, TM_TENSOR_SCALE = 20,
    TM_TENSOR_ZERO_POINT = 24, TM_TENSOR_ARENA_OFFSET = 28
};
enum {
    TM_OP_FIELD_OPCODE = 0, TM_OP_FIELD_RESERVED = 1, TM_OP_FIELD_INPUT = 2, TM_OP_FIELD_OUTPUT = 4,
    TM_OP_FIELD_RESERVED2 = 6, TM_OP_FIELD_KERNEL_H = 8, TM_OP_FIELD_KERNEL_W = 10,
    TM_OP_FIELD_STRIDE_H = 12, TM_OP_FIELD_STRIDE_W = 14, TM_OP_FIELD_PAD_TOP = 16,
    TM_OP_FIELD_PAD_LEFT = 18, TM_OP_FIELD_ACTIVATION_MIN = 20, TM_OP_FIELD_ACTIVATION_MAX = 24,
    TM_OP_FIELD_DIFF_MIN = 28,
    /* four arrays, each (u32 offset, u32 count) */
    TM_OP_FIELD_WEIGHTS = 32, TM_OP_FIELD_WEIGHTS_COUNT = 36, TM_OP_FIELD_BIAS = 40,
    TM_OP_FIELD_BIAS_COUNT = 44, TM_OP_FIELD_MULTIPLIERS = 48, TM_OP_FIELD_MULTIPLIERS_COUNT = 52,
    TM_OP_FIELD_SHIFTS = 56, TM_OP_FIELD_SHIFTS_COUNT = 60
};

/* ---- serial protocol: COBS frames of version, code, u16 seq, payload, CRC32 */
#define TM_PROTOCOL_VERSION 1u
#define TM_PACKET_HEADER 4u                              /* version, code, seq */
#define TM_PACKET_OVERHEAD 8u                            /* the header and the CRC32 */
#define TM_ANSWER_BIT 0x80u                              /* an answer's code: the command's | this */

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

enum { TM_TIME_MICROSECONDS = 1, TM_TIME_INSTRUCTIONS = 2, TM_TIME_CYCLES = 3 };

#endif
