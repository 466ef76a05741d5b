package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/**
 * AVERAGE_POOL_2D, int8, as TFLM's reference_integer_ops::AveragePool: the sum of the in-bounds
 * cells divided by their count, rounded half away from zero with C's truncating division.
 */
public final class AveragePool extends PoolKernel {
    @Override
    OpKind kind() {
        return OpKind.AVERAGE_POOL_2D;
    }


    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputHeight = in.shape().dim(0);
        int inputWidth = in.shape().dim(1);
        int depth = in.shape().dim(2);
        int outputHeight = out.shape().dim(0);
        int outputWidth = out.shape().dim(1);
        PoolWindow pw = new PoolWindow(op.window(), inputHeight, inputWidth);
        for (int outY = 0; outY < outputHeight; outY++) {
            for (int outX = 0; outX < outputWidth; outX++) {
                pw.moveTo(outY, outX);
                for (int c = 0; c < depth; c++) {
                    int acc = 0;
                    int filterCount = 0;
                    for (int filterY = pw.filterYStart; filterY < pw.filterYEnd; filterY++) {
                        for (int filterX = pw.filterXStart; filterX < pw.filterXEnd; filterX++) {
                            int inX = pw.inXOrigin + filterX;
                            int inY = pw.inYOrigin + filterY;
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
