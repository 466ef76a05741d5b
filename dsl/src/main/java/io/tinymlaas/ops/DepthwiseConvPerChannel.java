package io.tinymlaas.ops;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;

import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.Padding;

import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D, int8 per channel, depth multiplier 1, as TFLM's
 * reference_integer_ops::DepthwiseConvPerChannel (dilation 1).
 */
public final class DepthwiseConvPerChannel extends SlidingKernel {
    /** Input (H, W, C), filter 1HWC, output (OH, OW, C): channel c sees only input channel c. */
    @Override
    int windowSum(Op op, SlidingWindow pw, byte[] input, int depth, int c, int inputOffset) {
        byte[] filter = op.weights();
        int acc = 0;
        for (int k = 0; k < pw.count; k++) {
            acc += filter[pw.taps[k] * depth + c] * (input[pw.cells[k] + c] + inputOffset);
        }
        return acc;
    }

    @Override
    public Builtin builtin() {
        return new Builtin(3, BuiltinOptions.DepthwiseConv2DOptions);
    }

    @Override
    public int writeOptions(FlatBufferBuilder b, Op op, TensorSpec in, TensorSpec out) {
        Window w = op.window();
        return DepthwiseConv2DOptions.createDepthwiseConv2DOptions(b, w.same() ? Padding.SAME : Padding.VALID,
                w.strideW(), w.strideH(), 1, TfliteForm.activationCode(op.activation()), 1, 1);
    }

    /** The filter's channels are its last dimension (1HWC). */
    @Override
    public int channelAxis() {
        return 3;
    }

    /** TFLite's filter layout, 1HWC. */
    @Override
    public Shape filterShape(Shape in, Shape out, Window w) {
        return Shape.of(1, w.kernelH(), w.kernelW(), out.dim(out.rank() - 1));
    }

    /** Depth multiplier 1; a one-channel input with multiplier M is read as the CONV_2D with M filters it equals. */
    @Override
    public Op read(TfliteOpReader r) {
        DepthwiseConv2DOptions o = r.options(BuiltinOptions.DepthwiseConv2DOptions, new DepthwiseConv2DOptions());
        requireDilation1(r, o.dilationHFactor(), o.dilationWFactor());
        Shape in = r.input();
        TensorSpec out = r.output();
        int filter = r.constantInput(1, "filter");
        int[] f = r.dims(filter);
        int outChannels = out.shape().dim(out.shape().rank() - 1);
        if (f.length != 4 || in.rank() != 3 || f[0] != 1 || f[3] != outChannels
                || outChannels != in.dim(2) * Math.max(1, o.depthMultiplier())) {
            throw r.refused(r.label() + ": filter " + r.describe(filter) + " of shape " + Arrays.toString(f)
                    + " with depth multiplier " + o.depthMultiplier() + " does not fit input " + in + " and output "
                    + out.shape() + " (expected 1HWC)");
        }
        Window w = r.window(out.shape(), f[1], f[2], o.strideH(), o.strideW(), o.padding());
        FusedActivation act = r.activation(o.fusedActivationFunction());
        byte[] weights = r.int8s(filter, f[1] * f[2] * f[3]);
        if (outChannels == in.dim(2)) {
            return r.weighted(OpKind.DEPTHWISE_CONV_2D, out, w, act, filter, weights, 3);
        }
        if (in.dim(2) != 1) {
            throw r.refused(r.label() + " has depth multiplier " + o.depthMultiplier() + " on " + in.dim(2)
                    + " input channels: only depth multiplier 1 (or a one-channel input) imports");
        }
        // One input channel, M outputs: the same sums as a CONV_2D with M filters of one channel (1HWM → MHW1).
        byte[] ohwi = new byte[weights.length];
        int taps = f[1] * f[2];
        for (int t = 0; t < taps; t++) {
            for (int m = 0; m < outChannels; m++) {
                ohwi[m * taps + t] = weights[t * outChannels + m];
            }
        }
        return r.weighted(OpKind.CONV_2D, out, w, act, filter, ohwi, 3);
    }
}
