package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import org.tensorflow.lite.schema.ActivationFunctionType;

/**
 * How one op is written in a .tflite and read from one, as TensorFlow's converter writes it: the
 * version of its int8 form (runtimes refuse versions they do not know), its builtin options, a
 * constant int32 input after the data when it has one, and, for ops with weights, the layout of
 * the filter. The writer and reader of {@code io.tinymlaas.tflite} hold no per-op code.
 */
public interface TfliteForm {
    /** The op's version and options type in the file. */
    Builtin builtin();

    /** Writes its options table; returns its offset. */
    int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out);

    /** Reads the op the reader stands at, checking it against what the graph can hold; refuses anything else. */
    Op read(TfliteOpReader r);

    /** The constant int32 input written after the data (RESHAPE's target shape, MEAN's axes), or null. */
    default ConstantInput constantInput(TensorSpec out) {
        return null;
    }

    /** The dimension of the filter that indexes output channels: O of OHWI, C of 1HWC, N of [N][K]. */
    default int channelAxis() {
        return 0;
    }

    /** TFLite's shape of the op's filter (ops with weights only). */
    default Shape filterShape(Shape in, Shape out, Window w) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no filter");
    }

    /**
     * How the file names the op's form: its version (the one TensorFlow's converter gives its int8
     * form; runtimes refuse versions they do not know) and the BuiltinOptions type of its options.
     */
    record Builtin(int version, byte optionsType) {
    }

    /** A constant int32 input: its name after the op's output tensor ("shape", "axis"), and its values. */
    record ConstantInput(String name, int[] values) {
    }

    /** TFLite shapes lead with the batch dimension, 1 here. */
    static int[] batched(Shape shape) {
        int[] dims = new int[shape.rank() + 1];
        dims[0] = 1;
        System.arraycopy(shape.dims(), 0, dims, 1, shape.rank());
        return dims;
    }

    /** TFLite's code of a fused activation. */
    static byte activationCode(FusedActivation a) {
        return switch (a) {
            case NONE -> ActivationFunctionType.NONE;
            case RELU -> ActivationFunctionType.RELU;
            case RELU6 -> ActivationFunctionType.RELU6;
        };
    }

    /** The graph's activation for a TFLite code, or null when the graph has none like it (TANH, RELU_N1_TO_1, …). */
    static FusedActivation activation(byte code) {
        return switch (code) {
            case ActivationFunctionType.NONE -> FusedActivation.NONE;
            case ActivationFunctionType.RELU -> FusedActivation.RELU;
            case ActivationFunctionType.RELU6 -> FusedActivation.RELU6;
            default -> null;
        };
    }
}
