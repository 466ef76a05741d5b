package io.tinymlaas.quant.kernels;

import io.tinymlaas.quant.Int8Op;
import io.tinymlaas.quant.TensorSpec;
import io.tinymlaas.quant.Window;

/**
 * AVERAGE_POOL_2D, int8, as TFLM's reference_integer_ops::AveragePool: the sum of the in-bounds
 * cells divided by their count, rounded half away from zero with C's truncating division.
 */
public final class AveragePool {
    private AveragePool() {
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
                    int acc = 0;
                    int filterCount = 0;
                    for (int filterY = filterYStart; filterY < filterYEnd; filterY++) {
                        for (int filterX = filterXStart; filterX < filterXEnd; filterX++) {
                            int inX = inXOrigin + filterX;
                            int inY = inYOrigin + filterY;
                            acc += input[(inY * inputWidth + inX) * depth + c];
                            filterCount++;
                        }
                    }
                    if (filterCount == 0) {
                        throw new IllegalStateException(op.name() + ": output cell (" + outY + ", " + outX
                                + ") has no input cell under its window; check the padding");
                    }
                    acc = acc > 0 ? (acc + filterCount / 2) / filterCount : (acc - filterCount / 2) / filterCount;
                    acc = Math.max(acc, op.activationMin());
                    acc = Math.min(acc, op.activationMax());
                    output[(outY * outputWidth + outX) * depth + c] = (byte) acc;
                }
            }
        }
    }
}
