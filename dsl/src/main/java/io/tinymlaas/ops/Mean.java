package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.quant.arith.TflmArith;

import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.ReducerOptions;

import java.util.Arrays;

/**
 * MEAN over height and width of an (H, W, C) input, int8, as TFLM's reference int8 MEAN
 * (reference_ops::QuantizedMeanOrSum): the int32 sum of each channel, less input zero point × n,
 * requantized by the input/output scale ratio with 1/n folded into its multiplier, plus the
 * output zero point, clamped to int8. What Keras's GlobalAveragePooling2D becomes in TFLite.
 */
public final class Mean implements OpKernel, TfliteForm {
    /**
     * TFLM's Prepare, QuantizeMultiplier(in scale / out scale), then Eval's folding of 1/n: the
     * multiplier shifted left by floor(log2 n) (at most 32, and at most 31 + its shift), divided
     * by n with int64 truncation; the shift lowered by as much.
     */
    @Override
    public Int8Params prepare(Op stored, TensorSpec in, TensorSpec out) {
        TflmArith.QuantizedMultiplier q = TflmArith.quantizeMultiplier((double) in.scale() / (double) out.scale());
        long n = (long) in.shape().dim(0) * in.shape().dim(1);
        int shift = 63 - Long.numberOfLeadingZeros(n);
        shift = Math.min(shift, 32);
        shift = Math.min(shift, 31 + q.shift());
        int multiplier = (int) (((long) q.multiplier() << shift) / n);
        return new Int8Params(new byte[0], new float[0], new int[0], new int[] {multiplier},
                new int[] {q.shift() - shift}, -128, 127, 0);
    }

    /** Input (H, W, C), output (C): multipliers[0] and shifts[0] already hold 1/(H·W). */
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int pixels = in.shape().dim(0) * in.shape().dim(1);
        int channels = in.shape().dim(2);
        for (int c = 0; c < channels; c++) {
            int sum = 0;
            for (int p = 0; p < pixels; p++) {
                sum += input[p * channels + c];
            }
            output[c] = TflmArith.requantize(sum - in.zeroPoint() * pixels, op.multipliers()[0], op.shifts()[0],
                    out.zeroPoint(), op.activationMin(), op.activationMax());
        }
    }

    /** Height and width: axes 1 and 2 of a batched NHWC tensor. */
    private static final int[] AXES = {1, 2};

    @Override
    public Builtin builtin() {
        return new Builtin(2, BuiltinOptions.ReducerOptions);
    }

    /** keep_dims false: [1, H, W, C] → [1, C], our (C) with its batch dimension, as Keras's GlobalAveragePooling2D converts. */
    @Override
    public int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        return ReducerOptions.createReducerOptions(b, false);
    }

    @Override
    public ConstantInput constantInput(TensorSpec out) {
        return new ConstantInput("axis", AXES.clone());
    }

    /**
     * TensorFlow's forms: axes {1, 2} (or {-3, -2}, in any order) as a constant int32 input,
     * keep_dims either way; the graph's output is (C) in both.
     */
    @Override
    public Op read(TfliteOpReader r) {
        ReducerOptions o = r.options(BuiltinOptions.ReducerOptions, new ReducerOptions());
        if (r.inputCount() != 2) {
            throw r.refused(r.label() + " has " + r.inputCount() + " inputs: MEAN has the data and its axes");
        }
        int axis = r.constantInput(1, "axis");
        int[] dims = r.dims(axis);
        int count = dims.length == 0 ? 1 : dims[0];
        int[] axes = dims.length > 1 || count > 4 ? null : r.int32s(axis, count);
        if (axes == null || !Arrays.equals(Arrays.stream(axes).map(a -> a < 0 ? a + 4 : a).sorted().toArray(), AXES)) {
            throw r.refused(r.label() + " averages over axes " + (axes == null ? Arrays.toString(dims)
                    : Arrays.toString(axes)) + " of " + r.describe(axis) + ": only the mean over height and width"
                    + " (axes [1, 2] of NHWC, keep_dims " + o.keepDims() + ") imports");
        }
        Shape in = r.input();
        Shape out = r.output().shape();
        if (in.rank() != 3 || out.size() != in.dim(2) || out.dim(out.rank() - 1) != in.dim(2)
                || !(out.rank() == 1 || out.equals(Shape.of(1, 1, in.dim(2))))) {
            throw r.refused(r.label() + " averages input " + in + " into " + out
                    + ": expected (height, width, channels) into (channels) or (1, 1, channels)");
        }
        return r.plain(OpKind.MEAN, r.output().withShape(Shape.of(in.dim(2))), Window.NONE, FusedActivation.NONE);
    }
}
