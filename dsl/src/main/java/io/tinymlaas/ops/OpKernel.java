package io.tinymlaas.ops;

import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/**
 * One op's int8 implementation, as TFLM registers a kernel: where its output's quantization comes
 * from, its Prepare (the derived numbers from the stored ones) and its Eval.
 */
public interface OpKernel {
    /** Where the op's output scale and zero point come from when a model is quantized: most ops calibrate it. */
    default OutputQuantization output() {
        return OutputQuantization.CALIBRATED;
    }

    /**
     * TFLM's Prepare: the int8 constants of {@code stored} (its weights, weight scales and bias as
     * a .tflite stores them; none for an op without weights) between tensors {@code in} and
     * {@code out}, both quantized already: multipliers, shifts, the clamp.
     */
    Int8Params prepare(Op stored, TensorSpec in, TensorSpec out);

    /** Runs the op: reads {@code input}'s bytes, writes {@code output}'s. */
    void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output);

    /** Where an op's output scale and zero point come from. */
    enum OutputQuantization {
        /** The range observed on the calibration set. */
        CALIBRATED,
        /** The input's (pooling, reshape: the values are input values). */
        INHERITED,
        /** Softmax: probabilities on the int8 grid, scale 1/256, zero point -128. */
        SOFTMAX
    }
}
