/*
 * The int8 kernels, one a function, as TFLM's reference kernels compute them. Each reads the
 * input tensor's bytes and writes the output tensor's bytes; shapes come from the tensors,
 * parameters from the op. The arguments must have passed tm_model_check.
 *
 * Two kernel sets give the same bytes: the portable C kernels (tm_conv2d, ...: the reference, and
 * every board without SIMD) and the DSP kernels (tm_conv2d_dsp, ...: Cortex-M4/M7/M33 SIMD, see
 * tm_dsp.h), compiled where the compiler targets the DSP extension (__ARM_FEATURE_DSP) or where
 * -DTM_DSP_EMULATED asks for them in plain C (the host tests). TM_KERNEL(name) is the set the
 * interpreter runs: the DSP kernels when compiled, unless -DTM_PORTABLE_KERNELS.
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

#if (defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP) || defined(TM_DSP_EMULATED)
#define TM_DSP_KERNELS 1
#else
#define TM_DSP_KERNELS 0
#endif

#if TM_DSP_KERNELS && !defined(TM_PORTABLE_KERNELS)
#define TM_KERNEL(name) name##_dsp
/* reshape and softmax have one kernel for both sets */
#define tm_reshape_dsp tm_reshape
#define tm_softmax_dsp tm_softmax
#else
#define TM_KERNEL(name) name
#endif

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

#if TM_DSP_KERNELS
void tm_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                   const tm_tensor *out, int8_t *output);
void tm_depthwise_conv2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                             const tm_tensor *out, int8_t *output);
void tm_fully_connected_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                            const tm_tensor *out, int8_t *output);
void tm_max_pool2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                       const tm_tensor *out, int8_t *output);
void tm_average_pool2d_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                           const tm_tensor *out, int8_t *output);
#endif

#ifdef __cplusplus
}
#endif

#endif
