/* Status codes of the model checks: the numbers are part of docs/model-format.md. */
#ifndef TM_STATUS_H
#define TM_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    TM_OK = 0,
    TM_E_TOO_SHORT = 1,
    TM_E_MAGIC = 2,
    TM_E_VERSION = 3,
    TM_E_SIZE = 4,
    TM_E_CRC = 5,
    TM_E_RESERVED = 6,
    TM_E_COUNT = 7,
    TM_E_TENSOR_INDEX = 8,
    TM_E_SHAPE = 9,
    TM_E_ZERO_POINT = 10,
    TM_E_ARENA_CAPACITY = 11,
    TM_E_ARENA_BOUNDS = 12,
    TM_E_OPCODE = 13,
    TM_E_WINDOW = 14,
    TM_E_ACTIVATION = 15,
    TM_E_PARAM_COUNT = 16,
    TM_E_DATA_BOUNDS = 17,
    TM_E_SHIFT = 18,
    TM_E_OP_SHAPE = 19,
    TM_E_DATAFLOW = 20,
    TM_E_ALIAS = 21,
    TM_E_SOFTMAX = 22
} tm_status;

/* A short English name of a status, for messages. */
const char *tm_status_name(tm_status status);

#ifdef __cplusplus
}
#endif

#endif
