package io.tinymlaas.graph;

/**
 * The sliding window of a convolution or pooling op: kernel, stride, whether TFLite's SAME
 * padding is asked for, and that padding resolved to TFLM's top/left offsets (SAME: as TFLM's
 * ComputePaddingHeightWidth; VALID: 0).
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW, int padTop, int padLeft, boolean same) {
    public static final Window NONE = new Window(1, 1, 1, 1, 0, 0, false);

    /** A window whose padding is SAME exactly when it has top/left offsets. */
    public Window(int kernelH, int kernelW, int strideH, int strideW, int padTop, int padLeft) {
        this(kernelH, kernelW, strideH, strideW, padTop, padLeft, padTop > 0 || padLeft > 0);
    }
}
