package io.tinymlaas.graph;

import io.tinymlaas.data.Shape;

import java.util.Arrays;

/**
 * The operators of a graph and what every part of the house needs to know of each, in one table:
 * the op code (TFLite's builtin operator code, also the model blob's), the C runtime's kernel
 * function ({@code firmware/runtime/tm_ops.c} maps the same codes), the size of that function in
 * Thumb-2 when it cannot be measured, and how its weights, work and output shape follow from its
 * shapes (sizing). The int8 Java kernel of each kind is in {@code io.tinymlaas.quant.Int8Kernels}.
 *
 * <p>Adding an op: a constant here (and a case in each switch below), its Java kernel, its C kernel.
 */
public enum OpKind {
    AVERAGE_POOL_2D(1, "tm_average_pool2d", 364),
    CONV_2D(3, "tm_conv2d", 500),
    DEPTHWISE_CONV_2D(4, "tm_depthwise_conv2d", 416),
    FULLY_CONNECTED(9, "tm_fully_connected", 160),
    MAX_POOL_2D(17, "tm_max_pool2d", 336),
    RESHAPE(22, "tm_reshape", 20),
    SOFTMAX(25, "tm_softmax", 368),
    MEAN(40, "tm_mean", 120);

    private final int code;
    private final String cKernel;
    private final int thumb2Bytes;

    OpKind(int code, String cKernel, int thumb2Bytes) {
        this.code = code;
        this.cKernel = cKernel;
        this.thumb2Bytes = thumb2Bytes;
    }

    /** TFLite's BuiltinOperator value, also the op code of the model blob. */
    public int code() {
        return code;
    }

    /** The C runtime's kernel function for this op. */
    public String cKernel() {
        return cKernel;
    }

    /**
     * .text + .rodata of the portable C kernel, measured on firmware/runtime with arm-none-eabi-gcc
     * 12.2.1 {@code -O2 -mcpu=cortex-m3 -mthumb -ffunction-sections} (issue 14; the DSP kernels' sizes
     * are in target.RuntimeCodeTable); used when no compiler can measure it.
     */
    public int thumb2Bytes() {
        return thumb2Bytes;
    }

    public static OpKind ofCode(int code) {
        for (OpKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("no operator has code " + code);
    }

    /** Conv, depthwise and fully connected: ops with weights, a bias and a per-channel requantization. */
    public boolean isWeighted() {
        return this == CONV_2D || this == DEPTHWISE_CONV_2D || this == FULLY_CONNECTED;
    }

    /** Ops whose output width (filters, units) is a choice of the user. */
    public boolean hasWidth() {
        return this == CONV_2D || this == FULLY_CONNECTED;
    }

    /** Weights of one op reading {@code in} and writing {@code out} through window {@code w}. */
    public long weightCount(Shape in, Shape out, Window w) {
        return switch (this) {
            case CONV_2D -> (long) channels(out) * w.kernelH() * w.kernelW() * channels(in);
            case DEPTHWISE_CONV_2D -> (long) w.kernelH() * w.kernelW() * channels(out);
            case FULLY_CONNECTED -> (long) in.size() * channels(out);
            default -> 0;
        };
    }

    /** Multiply-accumulates of one inference. */
    public long macs(Shape in, Shape out, Window w) {
        return switch (this) {
            case CONV_2D -> (long) out.size() * w.kernelH() * w.kernelW() * channels(in);
            case DEPTHWISE_CONV_2D -> (long) out.size() * w.kernelH() * w.kernelW();
            case FULLY_CONNECTED -> (long) in.size() * channels(out);
            default -> 0;
        };
    }

    /**
     * Work besides the MACs, in element operations: a requantized output costs {@code perOutput},
     * a softmax element {@code perSoftmaxElement} (both depend on the precision).
     */
    public long elementOps(Shape in, Shape out, Window w, int perOutput, int perSoftmaxElement) {
        return switch (this) {
            case CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED -> (long) out.size() * perOutput;
            case MAX_POOL_2D, AVERAGE_POOL_2D -> (long) out.size() * w.kernelH() * w.kernelW();
            case RESHAPE -> out.size();
            case SOFTMAX -> (long) out.size() * perSoftmaxElement;
            case MEAN -> in.size() + (long) out.size() * perOutput;
        };
    }

    /**
     * The output shape when the input becomes {@code in} and the width (for {@link #hasWidth()}
     * ops) {@code width}: spatial dims never change, only channel counts.
     */
    public Shape resized(Shape oldIn, Shape oldOut, Shape in, int width) {
        int[] dims = oldOut.dims();
        switch (this) {
            case CONV_2D, FULLY_CONNECTED -> dims[dims.length - 1] = width;
            case DEPTHWISE_CONV_2D, MAX_POOL_2D, AVERAGE_POOL_2D, MEAN -> dims[dims.length - 1] = channels(in);
            case RESHAPE, SOFTMAX -> {
                if (in.size() != oldIn.size()) {
                    dims = this == SOFTMAX ? in.dims() : flatWithLeadingOnes(dims.length, in.size());
                }
            }
        }
        return Shape.of(dims);
    }

    /** The DSL call that builds this op, as a user writes it: dense(128), conv2d(8, 3). */
    public String dsl(int width, Window w) {
        String kernel = w.kernelH() == w.kernelW() ? String.valueOf(w.kernelH()) : w.kernelH() + "x" + w.kernelW();
        return switch (this) {
            case CONV_2D -> "conv2d(" + width + ", " + kernel + ")";
            case DEPTHWISE_CONV_2D -> "depthwiseConv2d(" + kernel + ")";
            case FULLY_CONNECTED -> "dense(" + width + ")";
            case MAX_POOL_2D -> "maxPool(" + kernel + ")";
            case AVERAGE_POOL_2D -> "avgPool(" + kernel + ")";
            case RESHAPE -> "flatten()";
            case SOFTMAX -> "softmax()";
            case MEAN -> "globalAvgPool()";
        };
    }

    private static int channels(Shape s) {
        return s.dim(s.rank() - 1);
    }

    private static int[] flatWithLeadingOnes(int rank, int size) {
        int[] dims = new int[rank];
        Arrays.fill(dims, 1);
        dims[rank - 1] = size;
        return dims;
    }
}
