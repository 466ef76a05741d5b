package io.tinymlaas.ops;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.OpType;
import io.tinymlaas.graph.Window;

import java.util.Arrays;

/**
 * The op table: every operator of a graph and what every part of the house needs to know of it,
 * one row each — the op code (TFLite's builtin operator code, also the model blob's), the C
 * runtime's kernel function ({@code firmware/runtime/tm_ops.c} maps the same codes), the size of
 * that function in Thumb-2 when it cannot be measured, its class — the int8 Java kernel
 * ({@link OpKernel}: Prepare and Eval, as TFLM registers one) and its .tflite form
 * ({@link TfliteForm}) — and how its weights, work and output shape follow from its shapes (sizing). The graph holds kinds by their interface, {@link OpType}.
 *
 * <p>Adding an op: a row here (and a case in each sizing switch below), its kernel class in this
 * package, its C kernel; a float layer in {@code io.tinymlaas.nn} and its {@code Model} method.
 */
public enum OpKind implements OpType {
    AVERAGE_POOL_2D(1, "tm_average_pool2d", 364, new AveragePool()),
    CONV_2D(3, "tm_conv2d", 500, new ConvPerChannel()),
    DEPTHWISE_CONV_2D(4, "tm_depthwise_conv2d", 416, new DepthwiseConvPerChannel()),
    FULLY_CONNECTED(9, "tm_fully_connected", 160, new FullyConnectedPerChannel()),
    MAX_POOL_2D(17, "tm_max_pool2d", 336, new MaxPool()),
    RESHAPE(22, "tm_reshape", 20, new Reshape()),
    SOFTMAX(25, "tm_softmax", 368, new Softmax()),
    MEAN(40, "tm_mean", 120, new Mean());

    private final int code;
    private final String cKernel;
    private final int thumb2Bytes;
    private final OpKernel kernel;
    private final TfliteForm tflite;

    /** {@code op}: the op's class, its int8 kernel and its .tflite form in one. */
    <T extends OpKernel & TfliteForm> OpKind(int code, String cKernel, int thumb2Bytes, T op) {
        this.code = code;
        this.cKernel = cKernel;
        this.thumb2Bytes = thumb2Bytes;
        this.kernel = op;
        this.tflite = op;
    }

    /** The kind of an op of a graph: every {@link OpType} is one of these rows. */
    public static OpKind of(OpType type) {
        if (type instanceof OpKind k) {
            return k;
        }
        throw new IllegalArgumentException("op type " + type.name() + " is not in the op table");
    }

    /** The int8 reference kernel: Prepare and Eval. */
    public OpKernel kernel() {
        return kernel;
    }

    /** How the op is written in and read from a .tflite. */
    public TfliteForm tflite() {
        return tflite;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String cKernel() {
        return cKernel;
    }

    /**
     * .text + .rodata of the portable C kernel, measured on firmware/runtime with arm-none-eabi-gcc
     * 12.2.1 {@code -O2 -mcpu=cortex-m3 -mthumb -ffunction-sections} (issue 14; the DSP kernels' sizes
     * are in target.RuntimeCodeTable); used when no compiler can measure it.
     */
    @Override
    public int thumb2Bytes() {
        return thumb2Bytes;
    }

    public static OpKind ofCode(int code) {
        OpKind k = find(code);
        if (k == null) {
            throw new IllegalArgumentException("no operator has code " + code);
        }
        return k;
    }

    /** The row of an op code, or null when the table has none. */
    public static OpKind find(int code) {
        for (OpKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }

    @Override
    public boolean isWeighted() {
        return this == CONV_2D || this == DEPTHWISE_CONV_2D || this == FULLY_CONNECTED;
    }

    @Override
    public boolean hasWidth() {
        return this == CONV_2D || this == FULLY_CONNECTED;
    }

    @Override
    public long weightCount(Shape in, Shape out, Window w) {
        return switch (this) {
            case CONV_2D -> (long) channels(out) * w.kernelH() * w.kernelW() * channels(in);
            case DEPTHWISE_CONV_2D -> (long) w.kernelH() * w.kernelW() * channels(out);
            case FULLY_CONNECTED -> (long) in.size() * channels(out);
            default -> 0;
        };
    }

    @Override
    public long macs(Shape in, Shape out, Window w) {
        return switch (this) {
            case CONV_2D -> (long) out.size() * w.kernelH() * w.kernelW() * channels(in);
            case DEPTHWISE_CONV_2D -> (long) out.size() * w.kernelH() * w.kernelW();
            case FULLY_CONNECTED -> (long) in.size() * channels(out);
            default -> 0;
        };
    }

    @Override
    public long elementOps(Shape in, Shape out, Window w, int perOutput, int perSoftmaxElement) {
        return switch (this) {
            case CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED -> (long) out.size() * perOutput;
            case MAX_POOL_2D, AVERAGE_POOL_2D -> (long) out.size() * w.kernelH() * w.kernelW();
            case RESHAPE -> out.size();
            case SOFTMAX -> (long) out.size() * perSoftmaxElement;
            case MEAN -> in.size() + (long) out.size() * perOutput;
        };
    }

    @Override
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

    @Override
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
