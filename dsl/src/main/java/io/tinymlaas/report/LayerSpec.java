package io.tinymlaas.report;

import io.tinymlaas.data.Shape;
import io.tinymlaas.quant.OpKind;
import io.tinymlaas.quant.Window;

import java.util.Arrays;

/**
 * One op of a model as the size report sees it, whether it comes from a float {@code Model} or an
 * {@code Int8Graph}: its kind, the tensors it reads and writes, their shapes and its window. The
 * counts (weights, MACs, element operations) follow from those, so that a report can also be
 * computed for the same model with another width ({@link #withInput}).
 */
record LayerSpec(OpKind kind, String name, int inTensor, int outTensor, Shape in, Shape out,
                 Window window, boolean hasBias) {

    /** Conv and dense layers: their width (filters, units) is a choice of the user. */
    boolean hasWidth() {
        return kind == OpKind.CONV_2D || kind == OpKind.FULLY_CONNECTED;
    }

    /** Output channels: filters or units for conv and dense, channels otherwise. */
    int width() {
        return out.dim(out.rank() - 1);
    }

    private int inChannels() {
        return in.dim(in.rank() - 1);
    }

    boolean hasWeights() {
        return weightCount() > 0;
    }

    long weightCount() {
        return switch (kind) {
            case CONV_2D -> (long) width() * window.kernelH() * window.kernelW() * inChannels();
            case DEPTHWISE_CONV_2D -> (long) window.kernelH() * window.kernelW() * width();
            case FULLY_CONNECTED -> (long) in.size() * width();
            default -> 0;
        };
    }

    long biasCount() {
        return hasBias && hasWeights() ? width() : 0;
    }

    long params() {
        return weightCount() + biasCount();
    }

    /** Multiply-accumulates of one inference. */
    long macs() {
        return switch (kind) {
            case CONV_2D -> (long) out.size() * window.kernelH() * window.kernelW() * inChannels();
            case DEPTHWISE_CONV_2D -> (long) out.size() * window.kernelH() * window.kernelW();
            case FULLY_CONNECTED -> (long) in.size() * width();
            default -> 0;
        };
    }

    /** Work besides the MACs: requantization, pooling comparisons, copies, softmax arithmetic. */
    long elementOps(Precision precision) {
        return switch (kind) {
            case CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED -> (long) out.size() * precision.opsPerOutput();
            case MAX_POOL_2D, AVERAGE_POOL_2D -> (long) out.size() * window.kernelH() * window.kernelW();
            case RESHAPE -> out.size();
            case SOFTMAX -> (long) out.size() * precision.softmaxOpsPerElement();
        };
    }

    /** The call that builds this layer in the DSL, as a user would write it: dense(128), conv2d(8, 3). */
    String dsl() {
        return switch (kind) {
            case CONV_2D -> "conv2d(" + width() + ", " + kernel() + ")";
            case DEPTHWISE_CONV_2D -> "depthwiseConv2d(" + kernel() + ")";
            case FULLY_CONNECTED -> "dense(" + width() + ")";
            case MAX_POOL_2D -> "maxPool(" + kernel() + ")";
            case AVERAGE_POOL_2D -> "avgPool(" + kernel() + ")";
            case RESHAPE -> "flatten()";
            case SOFTMAX -> "softmax()";
        };
    }

    /** The same call with another width. */
    String dslWithWidth(int newWidth) {
        return kind == OpKind.CONV_2D ? "conv2d(" + newWidth + ", " + kernel() + ")" : "dense(" + newWidth + ")";
    }

    private String kernel() {
        return window.kernelH() == window.kernelW() ? String.valueOf(window.kernelH())
                : window.kernelH() + "x" + window.kernelW();
    }

    /**
     * This layer reading {@code newIn} instead, with {@code newWidth} filters/units when it has a
     * width: the spatial dims never change (only channel counts do), so the output keeps them.
     */
    LayerSpec withInput(Shape newIn, int newWidth) {
        int[] dims = out.dims();
        switch (kind) {
            case CONV_2D, FULLY_CONNECTED -> dims[dims.length - 1] = newWidth;
            case DEPTHWISE_CONV_2D, MAX_POOL_2D, AVERAGE_POOL_2D -> dims[dims.length - 1] = newIn.dim(newIn.rank() - 1);
            case RESHAPE, SOFTMAX -> {
                if (newIn.size() != in.size()) {
                    dims = kind == OpKind.SOFTMAX ? newIn.dims() : flatWithLeadingOnes(dims.length, newIn.size());
                }
            }
        }
        return new LayerSpec(kind, name, inTensor, outTensor, newIn, Shape.of(dims), window, hasBias);
    }

    private static int[] flatWithLeadingOnes(int rank, int size) {
        int[] dims = new int[rank];
        Arrays.fill(dims, 1);
        dims[rank - 1] = size;
        return dims;
    }
}
