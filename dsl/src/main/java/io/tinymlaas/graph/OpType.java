package io.tinymlaas.graph;

import io.tinymlaas.data.Shape;

/**
 * What the graph, and everything that sizes or exports it, needs to know of an op's kind. The
 * kinds themselves, each with its int8 kernel and its .tflite form, are the op table
 * {@code io.tinymlaas.ops.OpKind}: the graph depends on no op, so a new op is added there alone.
 */
public interface OpType {
    /** The constant's name, as TFLite names the op: CONV_2D, SOFTMAX. */
    String name();

    /** TFLite's BuiltinOperator value, also the op code of the model blob. */
    int code();

    /** The C runtime's kernel function for this op. */
    String cKernel();

    /** Size of the portable C kernel in Thumb-2 bytes, used when no compiler can measure it. */
    int thumb2Bytes();

    /** Ops with weights, a bias and a per-channel requantization (conv, depthwise, fully connected). */
    boolean isWeighted();

    /** Ops whose output width (filters, units) is a choice of the user. */
    boolean hasWidth();

    /** Weights of one op reading {@code in} and writing {@code out} through window {@code w}. */
    long weightCount(Shape in, Shape out, Window w);

    /** Multiply-accumulates of one inference. */
    long macs(Shape in, Shape out, Window w);

    /**
     * Work besides the MACs, in element operations: a requantized output costs {@code perOutput},
     * a softmax element {@code perSoftmaxElement} (both depend on the precision).
     */
    long elementOps(Shape in, Shape out, Window w, int perOutput, int perSoftmaxElement);

    /**
     * The output shape when the input becomes {@code in} and the width (for {@link #hasWidth()}
     * ops) {@code width}: spatial dims never change, only channel counts.
     */
    Shape resized(Shape oldIn, Shape oldOut, Shape in, int width);

    /** The DSL call that builds this op, as a user writes it: dense(128), conv2d(8, 3). */
    String dsl(int width, Window w);
}
