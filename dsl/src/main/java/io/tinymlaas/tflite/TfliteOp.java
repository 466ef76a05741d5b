package io.tinymlaas.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.ReshapeOptions;
import org.tensorflow.lite.schema.SoftmaxOptions;

/**
 * How each op of the graph is written in a .tflite: its builtin code, the version TensorFlow's
 * converter gives its int8 form (runtimes refuse versions they do not know), its options table,
 * and the layout of its filter.
 */
enum TfliteOp {
    AVERAGE_POOL_2D(OpKind.AVERAGE_POOL_2D, 2, BuiltinOptions.Pool2DOptions),
    CONV_2D(OpKind.CONV_2D, 3, BuiltinOptions.Conv2DOptions),
    DEPTHWISE_CONV_2D(OpKind.DEPTHWISE_CONV_2D, 3, BuiltinOptions.DepthwiseConv2DOptions),
    FULLY_CONNECTED(OpKind.FULLY_CONNECTED, 4, BuiltinOptions.FullyConnectedOptions),
    MAX_POOL_2D(OpKind.MAX_POOL_2D, 2, BuiltinOptions.Pool2DOptions),
    RESHAPE(OpKind.RESHAPE, 1, BuiltinOptions.ReshapeOptions),
    SOFTMAX(OpKind.SOFTMAX, 2, BuiltinOptions.SoftmaxOptions),
    MEAN(OpKind.MEAN, 2, BuiltinOptions.ReducerOptions);

    private final OpKind kind;
    private final int version;
    private final byte optionsType;

    TfliteOp(OpKind kind, int version, byte optionsType) {
        this.kind = kind;
        this.version = version;
        this.optionsType = optionsType;
    }

    static TfliteOp of(OpKind kind) {
        for (TfliteOp op : values()) {
            if (op.kind == kind) {
                return op;
            }
        }
        throw new IllegalArgumentException("op kind " + kind + " has no .tflite form yet");
    }

    static TfliteOp ofCode(int code) {
        for (TfliteOp op : values()) {
            if (op.code() == code) {
                return op;
            }
        }
        return null;
    }

    OpKind kind() {
        return kind;
    }

    /** TFLite's BuiltinOperator value (the graph's op codes are TFLite's). */
    int code() {
        return kind.code();
    }

    int version() {
        return version;
    }

    byte optionsType() {
        return optionsType;
    }

    /** The dimension of the filter that indexes output channels: O of OHWI, C of 1HWC, N of [N][K]. */
    int channelAxis() {
        return this == DEPTHWISE_CONV_2D ? 3 : 0;
    }

    /** TFLite's filter shape: CONV_2D OHWI, DEPTHWISE_CONV_2D 1HWC, FULLY_CONNECTED [units][inputs]. */
    Shape filterShape(Shape in, Shape out, Window w) {
        int outChannels = out.dim(out.rank() - 1);
        return switch (this) {
            case CONV_2D -> Shape.of(outChannels, w.kernelH(), w.kernelW(), in.dim(in.rank() - 1));
            case DEPTHWISE_CONV_2D -> Shape.of(1, w.kernelH(), w.kernelW(), outChannels);
            case FULLY_CONNECTED -> Shape.of(outChannels, in.size());
            default -> throw new IllegalStateException(this + " has no filter");
        };
    }

    /**
     * The constant int32 second input the converter writes for the op, or null: RESHAPE's target
     * shape, MEAN's axes (height and width of the batched NHWC input, as Keras's
     * GlobalAveragePooling2D converts).
     */
    ConstantInput constantInput(TensorSpec out) {
        return switch (this) {
            case RESHAPE -> new ConstantInput("shape", TfliteWriter.batched(out.shape()));
            case MEAN -> new ConstantInput("axis", MEAN_AXES.clone());
            default -> null;
        };
    }

    /** MEAN over height and width: axes 1 and 2 of NHWC. */
    static final int[] MEAN_AXES = {1, 2};

    /** A constant int32 input: its name after the op's output tensor, and its values. */
    record ConstantInput(String name, int[] values) {
    }

    /** Writes the op's options table; returns its offset. */
    int options(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        Window w = op.window();
        byte padding = w.same() ? Padding.SAME : Padding.VALID;
        byte activation = activationCode(op.activation());
        return switch (this) {
            case CONV_2D -> Conv2DOptions.createConv2DOptions(b, padding, w.strideW(), w.strideH(), activation, 1, 1);
            case DEPTHWISE_CONV_2D -> DepthwiseConv2DOptions.createDepthwiseConv2DOptions(b, padding, w.strideW(),
                    w.strideH(), 1, activation, 1, 1);
            case FULLY_CONNECTED -> FullyConnectedOptions.createFullyConnectedOptions(b, activation, (byte) 0, false, false);
            case MAX_POOL_2D, AVERAGE_POOL_2D -> Pool2DOptions.createPool2DOptions(b, padding, w.strideW(), w.strideH(),
                    w.kernelW(), w.kernelH(), activation);
            case RESHAPE -> ReshapeOptions.createReshapeOptions(b,
                    ReshapeOptions.createNewShapeVector(b, TfliteWriter.batched(out.shape())));
            case SOFTMAX -> SoftmaxOptions.createSoftmaxOptions(b, 1.0f);
            // keep_dims false: [1, H, W, C] → [1, C], our (C) with its batch dimension.
            case MEAN -> ReducerOptions.createReducerOptions(b, false);
        };
    }

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
