package io.tinymlaas.ops;

import com.google.flatbuffers.Table;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;

/**
 * What the .tflite reader offers an op that reads itself ({@link TfliteForm#read}): the op's
 * inputs and options as the file holds them, checked, and the two ways to make the graph's op.
 * Tensors are the file's indices; every refusal names the op, its index and the tensor.
 */
public interface TfliteOpReader {
    /** "op 3 (CONV_2D)": how messages name the op. */
    String label();

    /** The shape of the graph tensor the op reads. */
    Shape input();

    /** The op's output as the file gives it (shape without the batch dimension, scale, zero point). */
    TensorSpec output();

    /** How many inputs the op has in the file. */
    int inputCount();

    /** The options table, refused when the file's options are of another type or missing. */
    <T extends Table> T options(byte type, T table);

    /** The graph's activation of a TFLite code; refuses one the graph has not. */
    FusedActivation activation(byte code);

    /** The window of the options, checked against the shapes, SAME resolved as TFLM resolves it. */
    Window window(Shape out, int kernelH, int kernelW, int strideH, int strideW, byte padding);

    /** The file's tensor index of input {@code position}, refused when absent ({@code what} names it). */
    int constantInput(int position, String what);

    /** A tensor's dimensions as stored, batch included. */
    int[] dims(int tensor);

    /** "tensor 4 'conv1/weights'". */
    String describe(int tensor);

    /** A constant tensor's int8 data, exactly {@code bytes} long. */
    byte[] int8s(int tensor, int bytes);

    /** A constant tensor's int32 values. */
    int[] int32s(int tensor, int count);

    /** Refuses an output whose scale or zero point differs from the input's (pooling, reshape keep them). */
    void requireSameQuantization(TensorSpec out);

    /** The refusal to throw: a {@code TfliteFormatException} with this message, prefixed by nothing. */
    RuntimeException refused(String message);

    /** An op without constants writing {@code out} (the graph's tensor, maybe reshaped from the file's). */
    Op plain(OpKind kind, TensorSpec out, Window w, FusedActivation act);

    /**
     * An op with weights: its int8 {@code weights} (in the graph's layout), the scales of tensor
     * {@code filter} (one, or one per channel along {@code channelAxis}) and its optional int32 bias.
     */
    Op weighted(OpKind kind, TensorSpec out, Window w, FusedActivation act, int filter, byte[] weights, int channelAxis);
}
