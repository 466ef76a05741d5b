package io.tinymlaas.quant.kernels;

import io.tinymlaas.quant.Int8Op;
import io.tinymlaas.quant.TensorSpec;
import io.tinymlaas.quant.Window;

/** MAX_POOL_2D, int8, as TFLM's reference_integer_ops::MaxPool: in-bounds cells only; output keeps the input's scale and zero point. */
public final class MaxPool {
    private MaxPool() {
    }

    public static void eval(Int8Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputHeight = in.shape().dim(0);
        int inputWidth = in.shape().dim(1);
        int depth = in.shape().dim(2);
        int outputHeight = out.shape().dim(0);
        int outputWidth = out.shape().dim(1);
        Window w = op.window();
        for (int outY = 0; outY < outputHeight; outY++) {
            for (int outX = 0; outX < outputWidth; outX++) {
                for (int c = 0; c < depth; c++) {
                    int inXOrigin = outX * w.strideW() - w.padLeft();
                    int inYOrigin = outY * w.strideH() - w.padTop();
                    int filterXStart = Math.max(0, -inXOrigin);
                    int filterXEnd = Math.min(w.kernelW(), inputWidth - inXOrigin);
                    int filterYStart = Math.max(0, -inYOrigin);
                    int filterYEnd = Math.min(w.kernelH(), inputHeight - inYOrigin);
                    int max = Byte.MIN_VALUE;
                    for (int filterY = filterYStart; filterY < filterYEnd; filterY++) {
                        for (int filterX = filterXStart; filterX < filterXEnd; filterX++) {
                            int inX = inXOrigin + filterX;
                            int inY = inYOrigin + filterY;
                            max = Math.max(max, input[(inY * inputWidth + inX) * depth + c]);
                        }
                    }
                    max = Math.max(max, op.activationMin());
                    max = Math.min(max, op.activationMax());
                    output[(outY * outputWidth + outX) * depth + c] = (byte) max;
                }
            }
        }
    }
}
