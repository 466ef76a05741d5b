/*
 * The in-memory model the interpreter runs: what the blob loader builds from a blob and what
 * the generated model.c declares as const data. Mirrors a quantized io.tinymlaas.graph.Graph.
 */
#ifndef TM_MODEL_H
#define TM_MODEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TM_MAX_RANK 4

/* One int8 activation tensor; its bytes live at arena + arena_offset, NHWC row-major. */
typedef struct {
    uint8_t rank;
    uint32_t dims[TM_MAX_RANK]; /* dims[k] = 1 for k >= rank */
    float scale;                /* informational; the kernels use precomputed multipliers */
    int32_t zero_point;
    uint32_t arena_offset;
    uint32_t bytes;             /* product of dims */
} tm_tensor;

/* One operator with every parameter already computed by the quantizer. */
typedef struct {
    uint8_t opcode;
    uint16_t input;
    uint16_t output;
    uint16_t kernel_h, kernel_w, stride_h, stride_w, pad_top, pad_left;
    int32_t activation_min;
    int32_t activation_max;
    int32_t diff_min;                 /* SOFTMAX only */
    const int8_t *weights;            /* CONV OHWI, DEPTHWISE 1HWC, FC [out][in] */
    uint32_t weights_count;
    const int32_t *bias;              /* NULL when bias_count is 0 */
    uint32_t bias_count;
    const int32_t *multipliers;       /* per channel (FC: per channel or one) */
    uint32_t multipliers_count;
    const int32_t *shifts;
    uint32_t shifts_count;
} tm_op;

typedef struct {
    const tm_tensor *tensors;
    uint16_t tensor_count;
    const tm_op *ops;
    uint16_t op_count;
    uint16_t input;
    uint16_t output;
    uint32_t arena_bytes;
} tm_model;

#ifdef __cplusplus
}
#endif

#endif
