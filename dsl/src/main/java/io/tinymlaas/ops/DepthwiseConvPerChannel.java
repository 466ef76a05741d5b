package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.quant.arith.TflmArith;

/**
 * DEPTHWISE_CONV_2D, int8 per channel, depth multiplier 1, as TFLM's
 * reference_integer_ops::DepthwiseConvPerChannel (dilation 1).
 */
public final class DepthwiseConvPerChannel extends WeightedKernel {

    /** Input (H, W, C), filter 1HWC, output (OH, OW, C): channel c sees only input channel c. */
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputOffset = -in.zeroPoint();
        int outputOffset = out.zeroPoint();
        int inputHeight = in.shape().dim(0);
        int inputWidth = in.shape().dim(1);
        int depth = in.shape().dim(2);
        int outputHeight = out.shape().dim(0);
        int outputWidth = out.shape().dim(1);
        Window w = op.window();
        byte[] filter = op.weights();
        for (int outY = 0; outY < outputHeight; outY++) {
            int inYOrigin = outY * w.strideH() - w.padTop();
            for (int outX = 0; outX < outputWidth; outX++) {
                int inXOrigin = outX * w.strideW() - w.padLeft();
                for (int c = 0; c < depth; c++) {
                    int acc = 0;
                    for (int filterY = 0; filterY < w.kernelH(); filterY++) {
                        int inY = inYOrigin + filterY;
                        for (int filterX = 0; filterX < w.kernelW(); filterX++) {
                            int inX = inXOrigin + filterX;
                            if (inX < 0 || inX >= inputWidth || inY < 0 || inY >= inputHeight) {
                                continue;
                            }
                            int inputVal = input[(inY * inputWidth + inX) * depth + c];
                            int filterVal = filter[(filterY * w.kernelW() + filterX) * depth + c];
                            acc += filterVal * (inputVal + inputOffset);
                        }
                    }
                    if (op.bias().length > 0) {
                        acc += op.bias()[c];
                    }
                    output[(outY * outputWidth + outX) * depth + c] = TflmArith.requantize(acc, op.multipliers()[c], op.shifts()[c], outputOffset,
                            op.activationMin(), op.activationMax());
                }
            }
        }
    }
}
