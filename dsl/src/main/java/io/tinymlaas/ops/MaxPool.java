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
    int pool(Op op, SlidingWindow pw, byte[] input, int c) {
        int max = Byte.MIN_VALUE;
        for (int k = 0; k < pw.count; k++) {
            max = Math.max(max, input[pw.cells[k] + c]);
        }
        return max;
    }
}
