package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;

/** MAX_POOL_2D, int8, as TFLM's reference_integer_ops::MaxPool: in-bounds cells only; output keeps the input's scale and zero point. */
public final class MaxPool extends PoolKernel {
    @Override
    OpKind kind() {
        return OpKind.MAX_POOL_2D;
    }

    /** The largest in-bounds cell, starting from −128. */
    @Override
    int pool(Op op, SlidingWindow pw, byte[] input, int inputWidth, int depth, int c) {
        int max = Byte.MIN_VALUE;
        for (int filterY = pw.filterYStart; filterY < pw.filterYEnd; filterY++) {
            for (int filterX = pw.filterXStart; filterX < pw.filterXEnd; filterX++) {
                max = Math.max(max, input[((pw.inYOrigin + filterY) * inputWidth + pw.inXOrigin + filterX) * depth + c]);
            }
        }
        return max;
    }
}
