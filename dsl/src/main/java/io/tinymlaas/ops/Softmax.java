package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.quant.arith.FixedPoint;
import io.tinymlaas.quant.arith.SoftmaxScaling;
import io.tinymlaas.quant.arith.TflmArith;

import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.SoftmaxOptions;

/**
 * SOFTMAX, int8 in and int8 out (scale 1/256, zero point -128), as TFLM's reference_ops::Softmax:
 * exp of the rescaled differences to the row maximum in gemmlowp fixed point, summed with 12
 * integer bits, then multiplied by the fixed-point reciprocal of the sum. Over the last dimension.
 */
public final class Softmax implements OpKernel, TfliteForm {
    private static final int ACCUMULATION_INTEGER_BITS = 12;
    private static final int OUTPUT_BITS = 8;

    @Override
    public OutputQuantization output() {
        return OutputQuantization.SOFTMAX;
    }

    /** TFLM's SoftmaxPrepare for int8 (beta 1): input_multiplier, input_left_shift and diff_min from the input scale. */
    @Override
    public Int8Params prepare(Op stored, TensorSpec in, TensorSpec out) {
        SoftmaxScaling s = SoftmaxScaling.of(in.scale(), 1.0f);
        int[] range = TflmParams.activationRange(stored.activation(), out.scale(), out.zeroPoint());
        return new Int8Params(new byte[0], new float[0], new int[0], new int[] {s.inputMultiplier()},
                new int[] {s.inputLeftShift()}, range[0], range[1], s.diffMin());
    }

    /** op.multipliers()[0] / op.shifts()[0]: input_multiplier / input_left_shift; op.diffMin(): diff_min. */
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputMultiplier = op.multipliers()[0];
        int inputLeftShift = op.shifts()[0];
        int diffMin = op.diffMin();
        int depth = in.shape().dim(in.shape().rank() - 1);
        int outerSize = in.bytes() / depth;
        for (int i = 0; i < outerSize; i++) {
            int maxInRow = Byte.MIN_VALUE;
            for (int c = 0; c < depth; c++) {
                maxInRow = Math.max(maxInRow, input[i * depth + c]);
            }

            int sumOfExps = 0;
            for (int c = 0; c < depth; c++) {
                int inputDiff = input[i * depth + c] - maxInRow;
                if (inputDiff >= diffMin) {
                    int exp = expOfDiff(inputDiff, inputMultiplier, inputLeftShift);
                    sumOfExps += FixedPoint.rescale(exp, 0, ACCUMULATION_INTEGER_BITS);
                }
            }

            // GetReciprocal: normalise the sum into [1, 2), take 1/x there, remember the bits over one.
            int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
            int numBitsOverUnit = ACCUMULATION_INTEGER_BITS - headroomPlusOne;
            int shiftedSumMinusOne = (sumOfExps << headroomPlusOne) - (1 << 31);
            int shiftedScale = FixedPoint.oneOverOnePlusXForXIn0To1(shiftedSumMinusOne);
            int exponent = numBitsOverUnit + 31 - OUTPUT_BITS;

            for (int c = 0; c < depth; c++) {
                int inputDiff = input[i * depth + c] - maxInRow;
                int result = Byte.MIN_VALUE;
                if (inputDiff >= diffMin) {
                    int exp = expOfDiff(inputDiff, inputMultiplier, inputLeftShift);
                    int unsatOutput = TflmArith.roundingDivideByPOT(
                            TflmArith.saturatingRoundingDoublingHighMul(shiftedScale, exp), exponent);
                    int shiftedOutput = unsatOutput + Byte.MIN_VALUE;
                    result = Math.max(Math.min(shiftedOutput, Byte.MAX_VALUE), Byte.MIN_VALUE);
                }
                output[i * depth + c] = (byte) result;
            }
        }
    }

    /** exp((q − max) · input scale · beta) with 0 integer bits. */
    private static int expOfDiff(int inputDiff, int inputMultiplier, int inputLeftShift) {
        int scaledDiff = TflmArith.multiplyByQuantizedMultiplierGreaterThanOne(inputDiff, inputMultiplier, inputLeftShift);
        return FixedPoint.expOnNegativeValues(scaledDiff, SoftmaxScaling.SCALED_DIFF_INTEGER_BITS);
    }

    @Override
    public Builtin builtin() {
        return new Builtin(2, BuiltinOptions.SoftmaxOptions);
    }

    @Override
    public int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        return SoftmaxOptions.createSoftmaxOptions(b, 1.0f);
    }

    @Override
    public Op read(TfliteOpReader r) {
        SoftmaxOptions o = r.options(BuiltinOptions.SoftmaxOptions, new SoftmaxOptions());
        if (o.beta() != 1.0f) {
            throw r.refused(r.label() + " has beta " + o.beta() + ": only softmax with beta 1 imports");
        }
        TensorSpec out = r.output();
        if (!r.input().equals(out.shape())) {
            throw r.refused(r.label() + " maps " + r.input() + " to " + out.shape() + ": softmax keeps the shape");
        }
        if (out.scale() != 1f / 256 || out.zeroPoint() != -128) {
            throw r.refused(r.label() + "'s output '" + out.name() + "' has scale " + out.scale() + " and zero point "
                    + out.zeroPoint() + ": int8 softmax needs 1/256 and -128");
        }
        return r.plain(OpKind.SOFTMAX, out, Window.NONE, FusedActivation.NONE);
    }
}
