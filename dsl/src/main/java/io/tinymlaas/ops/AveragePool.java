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
    int pool(Op op, SlidingWindow pw, byte[] input, int c) {
        if (pw.count == 0) {
            throw new IllegalStateException(op.name() + ": output cell (" + pw.outY + ", " + pw.outX
                    + ") has no input cell under its window; check the padding");
        }
        int acc = 0;
        for (int k = 0; k < pw.count; k++) {
            acc += input[pw.cells[k] + c];
        }
        int n = pw.count;
        return acc > 0 ? (acc + n / 2) / n : (acc - n / 2) / n;
    }
}
