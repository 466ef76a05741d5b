package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/** MAX_POOL_2D, int8, as TFLM's reference_integer_ops::MaxPool: in-bounds cells only; output keeps the input's scale and zero point. */
public final class MaxPool extends PoolKernel {
    @Override
    OpKind kind() {
        return OpKind.MAX_POOL_2D;
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
                    int max = Byte.MIN_VALUE;
                    for (int filterY = pw.filterYStart; filterY < pw.filterYEnd; filterY++) {
                        for (int filterX = pw.filterXStart; filterX < pw.filterXEnd; filterX++) {
                            int inX = pw.inXOrigin + filterX;
                            int inY = pw.inYOrigin + filterY;
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
