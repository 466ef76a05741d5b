package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.quant.arith.TflmArith;

import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.Padding;

import java.util.Arrays;

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

    @Override
    public int tfliteVersion() {
        return 3;
    }

    @Override
    public byte optionsType() {
        return BuiltinOptions.Conv2DOptions;
    }

    @Override
    public int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        Window w = op.window();
        return Conv2DOptions.createConv2DOptions(b, w.same() ? Padding.SAME : Padding.VALID, w.strideW(), w.strideH(),
                TfliteForm.activationCode(op.activation()), 1, 1);
    }

    /** TFLite's filter layout, OHWI. */
    @Override
    public Shape filterShape(Shape in, Shape out, Window w) {
        return Shape.of(out.dim(out.rank() - 1), w.kernelH(), w.kernelW(), in.dim(in.rank() - 1));
    }

    @Override
    public Op read(TfliteOpReader r) {
        Conv2DOptions o = r.options(BuiltinOptions.Conv2DOptions, new Conv2DOptions());
        requireDilation1(r, o.dilationHFactor(), o.dilationWFactor());
        Shape in = r.input();
        TensorSpec out = r.output();
        int filter = r.constantInput(1, "filter");
        int[] f = r.dims(filter);
        if (f.length != 4 || in.rank() != 3 || f[3] != in.dim(2) || f[0] != out.shape().dim(out.shape().rank() - 1)) {
            throw r.refused(r.label() + ": filter " + r.describe(filter) + " of shape " + Arrays.toString(f)
                    + " does not fit input " + in + " and output " + out.shape() + " (expected OHWI)");
        }
        Window w = r.window(out.shape(), f[1], f[2], o.strideH(), o.strideW(), o.padding());
        return r.weighted(OpKind.CONV_2D, out, w, r.activation(o.fusedActivationFunction()), filter,
                r.int8s(filter, f[0] * f[1] * f[2] * f[3]), 0);
    }
}
