package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.arith.TflmArith;

/**
 * FULLY_CONNECTED, int8 (weights zero point 0), as TFLM's reference_integer_ops::FullyConnectedPerChannel,
 * or, with one multiplier (weights per tensor), reference_integer_ops::FullyConnected; with one
 * sample there is one batch.
 */
public final class FullyConnectedPerChannel extends WeightedKernel {

    /** The input is read flat (any shape, row-major); weights [out][in]. */
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputOffset = -in.zeroPoint();
        int outputOffset = out.zeroPoint();
        int accumDepth = in.bytes();
        int outputDepth = out.bytes();
        byte[] filter = op.weights();
        for (int outC = 0; outC < outputDepth; outC++) {
            int acc = 0;
            for (int d = 0; d < accumDepth; d++) {
                int inputVal = input[d];
                int filterVal = filter[outC * accumDepth + d];
                acc += filterVal * (inputVal + inputOffset);
            }
            if (op.bias().length > 0) {
                acc += op.bias()[outC];
            }
            int q = op.multipliers().length == 1 ? 0 : outC; // one multiplier: weights per tensor
            output[outC] = TflmArith.requantize(acc, op.multipliers()[q], op.shifts()[q], outputOffset,
                    op.activationMin(), op.activationMax());
        }
    }
}
