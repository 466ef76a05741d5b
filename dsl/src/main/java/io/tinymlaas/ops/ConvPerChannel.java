package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.quant.arith.TflmArith;

/** CONV_2D, int8 per output channel, as TFLM's reference_integer_ops::ConvPerChannel (dilation 1, one group). */
public final class ConvPerChannel extends WeightedKernel {

    /** Input (H, W, C), filter OHWI, output (OH, OW, O). Cells outside the input count as zero (are skipped). */
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputOffset = -in.zeroPoint();
        int outputOffset = out.zeroPoint();
        int inputHeight = in.shape().dim(0);
        int inputWidth = in.shape().dim(1);
        int inputDepth = in.shape().dim(2);
        int outputHeight = out.shape().dim(0);
        int outputWidth = out.shape().dim(1);
        int outputDepth = out.shape().dim(2);
        Window w = op.window();
        byte[] filter = op.weights();
        for (int outY = 0; outY < outputHeight; outY++) {
            int inYOrigin = outY * w.strideH() - w.padTop();
            for (int outX = 0; outX < outputWidth; outX++) {
                int inXOrigin = outX * w.strideW() - w.padLeft();
                for (int outC = 0; outC < outputDepth; outC++) {
                    int acc = 0;
                    for (int filterY = 0; filterY < w.kernelH(); filterY++) {
                        int inY = inYOrigin + filterY;
                        for (int filterX = 0; filterX < w.kernelW(); filterX++) {
                            int inX = inXOrigin + filterX;
                            if (inX < 0 || inX >= inputWidth || inY < 0 || inY >= inputHeight) {
                                continue;
                            }
                            for (int inC = 0; inC < inputDepth; inC++) {
                                int inputVal = input[(inY * inputWidth + inX) * inputDepth + inC];
                                int filterVal = filter[((outC * w.kernelH() + filterY) * w.kernelW() + filterX) * inputDepth + inC];
                                acc += filterVal * (inputVal + inputOffset);
                            }
                        }
                    }
                    if (op.bias().length > 0) {
                        acc += op.bias()[outC];
                    }
                    output[(outY * outputWidth + outX) * outputDepth + outC] = TflmArith.requantize(acc, op.multipliers()[outC], op.shifts()[outC], outputOffset,
                            op.activationMin(), op.activationMax());
                }
            }
        }
    }
}
