package io.tinymlaas.ops;

import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.arith.TflmArith;

/**
 * MEAN over height and width of an (H, W, C) input, int8, as TFLM's reference int8 MEAN
 * (reference_ops::QuantizedMeanOrSum): the int32 sum of each channel, less input zero point × n,
 * requantized by the input/output scale ratio with 1/n folded into its multiplier, plus the
 * output zero point, clamped to int8. What Keras's GlobalAveragePooling2D becomes in TFLite.
 */
public final class Mean implements OpKernel {
    @Override
    public OutputQuantization output() {
        return OutputQuantization.CALIBRATED;
    }

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
}
