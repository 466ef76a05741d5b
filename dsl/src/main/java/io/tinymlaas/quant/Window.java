package io.tinymlaas.quant;

/**
 * The sliding window of a convolution or pooling op, with padding already resolved to
 * TFLM's top/left offsets (SAME: computed as TFLM's ComputePaddingHeightWidth; VALID: 0).
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW, int padTop, int padLeft) {
    public static final Window NONE = new Window(1, 1, 1, 1, 0, 0);
}
