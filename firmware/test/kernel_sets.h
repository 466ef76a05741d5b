/* The kernel sets the C tests hold to the same vectors: the portable kernels, and the DSP kernels
 * where they are compiled (natively, or in plain C with -DTM_DSP_EMULATED). */
#ifndef KERNEL_SETS_H
#define KERNEL_SETS_H

#include "../runtime/tm_kernels.h"

typedef void (*test_kernel)(const tm_op *op, const tm_tensor *in, const int8_t *input,
                            const tm_tensor *out, int8_t *output);

typedef struct {
    const char *name;
    test_kernel conv2d;
    test_kernel depthwise_conv2d;
    test_kernel fully_connected;
    test_kernel max_pool2d;
    test_kernel average_pool2d;
    test_kernel mean;
} test_kernel_set;

#define TEST_KERNEL_SETS (1 + TM_DSP_KERNELS)

extern const test_kernel_set test_kernel_sets[TEST_KERNEL_SETS];

#endif
