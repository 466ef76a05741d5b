package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;

import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.Padding;

import java.util.Arrays;

/** CONV_2D, int8 per output channel, as TFLM's reference_integer_ops::ConvPerChannel (dilation 1, one group). */
public final class ConvPerChannel extends SlidingKernel {
    /** Input (H, W, C), filter OHWI, output (OH, OW, O). Cells outside the input count as zero (are skipped). */
    @Override
    int windowSum(Op op, SlidingWindow pw, byte[] input, int depth, int outC, int inputOffset) {
        byte[] filter = op.weights();
        int filterBase = outC * pw.taps.length;
        int acc = 0;
        for (int k = 0; k < pw.count; k++) {
            int at = pw.cells[k];
            int tap = (filterBase + pw.taps[k]) * depth;
            for (int inC = 0; inC < depth; inC++) {
                acc += filter[tap + inC] * (input[at + inC] + inputOffset);
            }
        }
        return acc;
    }

    @Override
    public Builtin builtin() {
        return new Builtin(3, BuiltinOptions.Conv2DOptions);
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
