package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;

/** Max and average pooling: the same window, options and checks in a .tflite. */
abstract class PoolKernel extends ValueKeepingKernel implements TfliteForm {
    /** The row of the op table this kernel runs. */
    abstract OpKind kind();

    /** The pooled value of channel {@code c} under the window where {@code pw} stands, before the clamp. */
    abstract int pool(Op op, SlidingWindow pw, byte[] input, int c);

    /** Input (H, W, C), output (OH, OW, C): each output cell pools its window's in-bounds cells, then the clamp. */
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int depth = in.shape().dim(2);
        SlidingWindow pw = new SlidingWindow(op.window(), in.shape(), out.shape());
        while (pw.next()) {
            int at = pw.outputAt(depth);
            for (int c = 0; c < depth; c++) {
                int v = pool(op, pw, input, c);
                output[at + c] = (byte) Math.min(Math.max(v, op.activationMin()), op.activationMax());
            }
        }
    }

    @Override
    public Builtin builtin() {
        return new Builtin(2, BuiltinOptions.Pool2DOptions);
    }

    @Override
    public int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        Window w = op.window();
        return Pool2DOptions.createPool2DOptions(b, w.same() ? Padding.SAME : Padding.VALID, w.strideW(), w.strideH(),
                w.kernelW(), w.kernelH(), TfliteForm.activationCode(op.activation()));
    }

    @Override
    public Op read(TfliteOpReader r) {
        Pool2DOptions o = r.options(BuiltinOptions.Pool2DOptions, new Pool2DOptions());
        if (r.inputCount() != 1) {
            throw r.refused(r.label() + " has " + r.inputCount() + " inputs: a pooling op has one");
        }
        Shape in = r.input();
        TensorSpec out = r.output();
        if (in.rank() != 3 || !out.shape().equals(Shape.of(out.shape().dim(0), out.shape().dim(1), in.dim(2)))) {
            throw r.refused(r.label() + " pools input " + in + " into " + out.shape()
                    + ": both must be (height, width, channels) with the same channels");
        }
        r.requireSameQuantization(out);
        Window w = r.window(out.shape(), o.filterHeight(), o.filterWidth(), o.strideH(), o.strideW(), o.padding());
        return r.plain(kind(), out, w, r.activation(o.fusedActivationFunction()));
    }
}
