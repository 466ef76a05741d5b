#include "kernel_sets.h"

const test_kernel_set test_kernel_sets[TEST_KERNEL_SETS] = {
    {"portable", tm_conv2d, tm_depthwise_conv2d, tm_fully_connected, tm_max_pool2d, tm_average_pool2d,
     tm_mean},
#if TM_DSP_KERNELS
    {"dsp", tm_conv2d_dsp, tm_depthwise_conv2d_dsp, tm_fully_connected_dsp, tm_max_pool2d_dsp,
     tm_average_pool2d_dsp, tm_mean_dsp},
#endif
};
