package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.quant.arith.TflmArith;
import io.tinymlaas.quant.arith.TflmArith.QuantizedMultiplier;

import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;

import java.util.Arrays;

/**
 * FULLY_CONNECTED, int8 (weights zero point 0), as TFLM's reference_integer_ops::FullyConnectedPerChannel,
 * or, with one multiplier (weights per tensor), reference_integer_ops::FullyConnected; with one
 * sample there is one batch.
 */
public final class FullyConnectedPerChannel extends WeightedKernel {
    /**
     * Weights per tensor take TFLM's per-tensor path: one multiplier from the float product
     * {@code (double) (in · w) / (double) out} (GetQuantizedConvolutionMultipler).
     */
    @Override
    QuantizedMultiplier[] multipliers(float[] weightScales, float inScale, float outScale, int channels) {
        if (weightScales.length == 1) {
            double product = (double) (inScale * weightScales[0]);
            return new QuantizedMultiplier[] {TflmArith.quantizeMultiplier(product / (double) outScale)};
        }
        return super.multipliers(weightScales, inScale, outScale, channels);
    }

    /** The input is read flat (any shape, row-major); weights [out][in]. */
    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        int inputOffset = -in.zeroPoint();
        int outputOffset = out.zeroPoint();
        int accumDepth = in.bytes();
        int outputDepth = out.bytes();
        byte[] filter = op.weights();
        for (int outC = 0; outC < outputDepth; outC++) {
            int acc = 0;
            for (int d = 0; d < accumDepth; d++) {
                int inputVal = input[d];
                int filterVal = filter[outC * accumDepth + d];
                acc += filterVal * (inputVal + inputOffset);
            }
            if (op.bias().length > 0) {
                acc += op.bias()[outC];
            }
            int q = op.multipliers().length == 1 ? 0 : outC; // one multiplier: weights per tensor
            output[outC] = TflmArith.requantize(acc, op.multipliers()[q], op.shifts()[q], outputOffset,
                    op.activationMin(), op.activationMax());
        }
    }

    @Override
    public Builtin builtin() {
        return new Builtin(4, BuiltinOptions.FullyConnectedOptions);
    }

    @Override
    public int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        return FullyConnectedOptions.createFullyConnectedOptions(b, TfliteForm.activationCode(op.activation()), (byte) 0,
                false, false);
    }

    /** TFLite's weights layout, [units][inputs]. */
    @Override
    public Shape filterShape(Shape in, Shape out, Window w) {
        return Shape.of(out.dim(out.rank() - 1), in.size());
    }

    @Override
    public Op read(TfliteOpReader r) {
        FullyConnectedOptions o = r.options(BuiltinOptions.FullyConnectedOptions, new FullyConnectedOptions());
        if (o.weightsFormat() != 0) {
            throw r.refused(r.label() + " has shuffled weights (weights_format " + o.weightsFormat()
                    + "): only the default layout imports");
        }
        Shape in = r.input();
        TensorSpec out = r.output();
        int filter = r.constantInput(1, "weights");
        int[] f = r.dims(filter);
        int units = out.shape().dim(out.shape().rank() - 1);
        if (f.length != 2 || f[1] != in.size() || f[0] != units || out.shape().size() != units) {
            throw r.refused(r.label() + ": weights " + r.describe(filter) + " of shape " + Arrays.toString(f)
                    + " do not fit input " + in + " and output " + out.shape() + " (expected [units][inputs], one sample)");
        }
        return r.weighted(OpKind.FULLY_CONNECTED, out, Window.NONE, r.activation(o.fusedActivationFunction()), filter,
                r.int8s(filter, f[0] * f[1]), 0);
    }
}
