/*
 * The int8 kernels, one a function, as TFLM's reference kernels compute them. Each reads the
 * input tensor's bytes and writes the output tensor's bytes; shapes come from the tensors,
 * parameters from the op. The arguments must have passed tm_model_check.
 */
#ifndef TM_KERNELS_H
#define TM_KERNELS_H

#include "tm_model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The longest dot product a kernel accumulates, so that an int32 accumulator cannot overflow:
 * 65536 * 128 * 255 < 2^31. */
#define TM_MAX_DOT_LENGTH 65536u

/* The longest softmax row: keeps the sum of exponentials and its reciprocal in TFLM's range. */
#define TM_MAX_SOFTMAX_DEPTH 256u

void tm_conv2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
               const tm_tensor *out, int8_t *output);
void tm_depthwise_conv2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
                         const tm_tensor *out, int8_t *output);
void tm_fully_connected(const tm_op *op, const tm_tensor *in, const int8_t *input,
                        const tm_tensor *out, int8_t *output);
void tm_max_pool2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
                   const tm_tensor *out, int8_t *output);
void tm_average_pool2d(const tm_op *op, const tm_tensor *in, const int8_t *input,
                       const tm_tensor *out, int8_t *output);
void tm_reshape(const tm_op *op, const tm_tensor *in, const int8_t *input,
                const tm_tensor *out, int8_t *output);
void tm_softmax(const tm_op *op, const tm_tensor *in, const int8_t *input,
                const tm_tensor *out, int8_t *output);

#ifdef __cplusplus
}
#endif

#endif
