package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;

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
    int pool(Op op, SlidingWindow pw, byte[] input, int inputWidth, int depth, int c) {
        int acc = 0;
        int filterCount = 0;
        for (int filterY = pw.filterYStart; filterY < pw.filterYEnd; filterY++) {
            for (int filterX = pw.filterXStart; filterX < pw.filterXEnd; filterX++) {
                acc += input[((pw.inYOrigin + filterY) * inputWidth + pw.inXOrigin + filterX) * depth + c];
                filterCount++;
            }
        }
        if (filterCount == 0) {
            throw new IllegalStateException(op.name() + ": output cell (" + pw.outY + ", " + pw.outX
                    + ") has no input cell under its window; check the padding");
        }
        return acc > 0 ? (acc + filterCount / 2) / filterCount : (acc - filterCount / 2) / filterCount;
    }
}
