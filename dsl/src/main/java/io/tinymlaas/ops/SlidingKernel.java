package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.arith.TflmArith;

/**
 * Conv and depthwise, as TFLM's reference per-channel kernels slide them: for each output cell
 * (y, x) and channel, the int32 sum over the window's in-bounds cells of weight × (input + input
 * offset), plus the channel's bias, requantized with the channel's multiplier and clamped.
 */
abstract class SlidingKernel extends WeightedKernel {
    /**
     * The sum for output channel {@code outC} over the window where {@code pw} stands, each input
     * value offset by {@code inputOffset}; {@code depth} is the input's channel count.
     */
    abstract int windowSum(Op op, SlidingWindow pw, byte[] input, int depth, int outC, int inputOffset);

    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputOffset = -in.zeroPoint();
        int outputOffset = out.zeroPoint();
        int depth = in.shape().dim(2);
        int outputDepth = out.shape().dim(2);
        SlidingWindow pw = new SlidingWindow(op.window(), in.shape(), out.shape());
        while (pw.next()) {
            int at = pw.outputAt(outputDepth);
            for (int outC = 0; outC < outputDepth; outC++) {
                int acc = windowSum(op, pw, input, depth, outC, inputOffset);
                if (op.bias().length > 0) {
                    acc += op.bias()[outC];
                }
                output[at + outC] = TflmArith.requantize(acc, op.multipliers()[outC], op.shifts()[outC], outputOffset,
                        op.activationMin(), op.activationMax());
            }
        }
    }
}
