/*
 * The op table: every op the runtime runs, once. Each row is an op code (TFLite's builtin
 * operator code, io.tinymlaas.ops.OpKind), its name, the kernel that computes it, the check of
 * its shapes, whether it slides a window over (height, width, channels) tensors, and whether its
 * activation clamp may be narrower than -128..127 (a fused ReLU). The interpreter (tm_interp.c)
 * and the checker (tm_check.c) read the table built from it in tm_ops.c.
 *
 * Kernels are one a function, as TFLM's reference kernels compute them: each reads the input
 * tensor's bytes and writes the output tensor's; shapes come from the tensors, parameters from
 * the op; the arguments must have passed tm_model_check. Two kernel sets give the same bytes: the
 * portable C kernels (tm_conv2d, ...: the reference, and every board without SIMD) and the DSP
 * kernels (tm_conv2d_dsp, ...: Cortex-M4/M7/M33 SIMD, see tm_dsp.h), compiled where the compiler
 * targets the DSP extension (__ARM_FEATURE_DSP) or where -DTM_DSP_EMULATED asks for them in plain
 * C (the host tests). TM_KERNEL(name) is the set the table holds: the DSP kernels when compiled,
 * unless -DTM_PORTABLE_KERNELS.
 *
 * Adding an op: one row here, and its kernel and check in their own file.
 */
#ifndef TM_KERNELS_H
#define TM_KERNELS_H

#include "tm_model.h"
#include "tm_format.h"
#include "tm_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/*       code  name               kernel               check                 window clamp */
#define TM_OPS(X) \
    X(1,  AVERAGE_POOL_2D,   tm_average_pool2d,   tm_pool2d_check,            1,     1) \
    X(3,  CONV_2D,           tm_conv2d,           tm_conv2d_check,            1,     1) \
    X(4,  DEPTHWISE_CONV_2D, tm_depthwise_conv2d, tm_depthwise_conv2d_check,  1,     1) \
    X(9,  FULLY_CONNECTED,   tm_fully_connected,  tm_fully_connected_check,   0,     1) \
    X(17, MAX_POOL_2D,       tm_max_pool2d,       tm_pool2d_check,            1,     1) \
    X(22, RESHAPE,           tm_reshape,          tm_reshape_check,           0,     0) \
    X(25, SOFTMAX,           tm_softmax,          tm_softmax_check,           0,     0) \
    X(40, MEAN,              tm_mean,             tm_mean_check,              0,     0)

#define TM_OP_CODE(code, name, kernel, check, window, clamp) TM_OP_##name = code,
enum { TM_OPS(TM_OP_CODE) TM_OP_NONE = 0 };
#undef TM_OP_CODE

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

/* What an op's shapes ask of its parameters, filled by its check. */
typedef struct {
    uint64_t dot;           /* the longest dot product it accumulates */
    uint64_t weights;       /* weights_count */
    uint32_t channels;      /* multipliers_count and shifts_count */
    int bias_allowed;       /* bias_count may be `channels` (else it must be 0) */
    int per_tensor_allowed; /* one multiplier for all channels is also fine */
    uint8_t field;          /* on failure: the op entry's field at fault (tm_format.h) */
} tm_op_needs;

/* A kernel reads the input tensor's bytes and writes the output tensor's; shapes come from the
 * tensors, parameters from the op. Its arguments must have passed tm_model_check. */
typedef void (*tm_kernel)(const tm_op *op, const tm_tensor *in, const int8_t *input,
                          const tm_tensor *out, int8_t *output);

/* TM_OK, or the shape rule broken (needs->field names where); fills *needs on success. */
typedef tm_status (*tm_op_check)(const tm_op *op, const tm_tensor *in, const tm_tensor *out,
                                 tm_op_needs *needs);

typedef struct {
    uint8_t opcode;
    tm_kernel kernel;
    tm_op_check check;
    uint8_t window;
    uint8_t clamp;
} tm_op_entry;

/* The table row of `opcode`, or 0 when the runtime has no such op. */
const tm_op_entry *tm_op_find(uint8_t opcode);

#define TM_OP_DECLARE(code, name, kernel, check, window, clamp) \
    void kernel(const tm_op *op, const tm_tensor *in, const int8_t *input, \
                const tm_tensor *out, int8_t *output); \
    tm_status check(const tm_op *op, const tm_tensor *in, const tm_tensor *out, tm_op_needs *needs);
TM_OPS(TM_OP_DECLARE)
#undef TM_OP_DECLARE

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
void tm_mean_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                 const tm_tensor *out, int8_t *output);
#endif

#ifdef __cplusplus
}
#endif

#endif
