package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;

import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.ReshapeOptions;

/** RESHAPE: the same bytes under another shape (NHWC row-major); scale and zero point are unchanged. */
public final class Reshape extends ValueKeepingKernel implements TfliteForm {
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        if (in.bytes() != out.bytes()) {
            throw new IllegalArgumentException(op.name() + ": cannot reshape " + in.shape() + " to " + out.shape());
        }
        System.arraycopy(input, 0, output, 0, in.bytes());
    }

    @Override
    public Builtin builtin() {
        return new Builtin(1, BuiltinOptions.ReshapeOptions);
    }

    /** The target shape in the options and, as the converter writes it, as a second input. */
    @Override
    public int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        return ReshapeOptions.createReshapeOptions(b, ReshapeOptions.createNewShapeVector(b, TfliteForm.batched(out.shape())));
    }

    @Override
    public ConstantInput constantInput(TensorSpec out) {
        return new ConstantInput("shape", TfliteForm.batched(out.shape()));
    }

    @Override
    public Op read(TfliteOpReader r) {
        if (r.inputCount() > 2) {
            throw r.refused(r.label() + " has " + r.inputCount() + " inputs: RESHAPE has one or two");
        }
        TensorSpec out = r.output();
        if (r.input().size() != out.shape().size()) {
            throw r.refused(r.label() + " reshapes " + r.input() + " (" + r.input().size() + " values) into "
                    + out.shape() + " (" + out.shape().size() + " values)");
        }
        r.requireSameQuantization(out);
        return r.plain(OpKind.RESHAPE, out, Window.NONE, FusedActivation.NONE);
    }
}
