package io.tinymlaas.quant;

import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.OpKind;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.kernels.AveragePool;
import io.tinymlaas.quant.kernels.ConvPerChannel;
import io.tinymlaas.quant.kernels.DepthwiseConvPerChannel;
import io.tinymlaas.quant.kernels.FullyConnectedPerChannel;
import io.tinymlaas.quant.kernels.MaxPool;
import io.tinymlaas.quant.kernels.Reshape;
import io.tinymlaas.quant.kernels.Softmax;

/**
 * The Java side of the op table ({@link OpKind} holds the rest): for each kind, how its output is
 * quantized, how its int8 constants are prepared from the float op (TFLite's converter and TFLM's
 * Prepare), and the reference kernel that runs it.
 */
public record Int8Kernels(OutputQuantization output, Preparation preparation, Kernel kernel) {

    /** Where an op's output scale and zero point come from. */
    public enum OutputQuantization {
        /** The range observed on the calibration set. */
        CALIBRATED,
        /** The input's (pooling, reshape: the values are input values). */
        INHERITED,
        /** Softmax: probabilities on the int8 grid, scale 1/256, zero point -128. */
        SOFTMAX
    }

    /** The int8 constants of {@code op} between tensors {@code in} and {@code out}, both quantized already. */
    @FunctionalInterface
    public interface Preparation {
        Int8Params prepare(Op op, TensorSpec in, TensorSpec out);
    }

    /** Runs one int8 op: reads {@code input}'s bytes, writes {@code output}'s. */
    @FunctionalInterface
    public interface Kernel {
        void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output);
    }

    public static Int8Kernels of(OpKind kind) {
        return switch (kind) {
            case CONV_2D -> new Int8Kernels(OutputQuantization.CALIBRATED, Int8Kernels::perChannel, ConvPerChannel::eval);
            case DEPTHWISE_CONV_2D -> new Int8Kernels(OutputQuantization.CALIBRATED, Int8Kernels::perChannel,
                    DepthwiseConvPerChannel::eval);
            case FULLY_CONNECTED -> new Int8Kernels(OutputQuantization.CALIBRATED, Int8Kernels::perChannel,
                    FullyConnectedPerChannel::eval);
            case MAX_POOL_2D -> new Int8Kernels(OutputQuantization.INHERITED, Int8Kernels::none, MaxPool::eval);
            case AVERAGE_POOL_2D -> new Int8Kernels(OutputQuantization.INHERITED, Int8Kernels::none, AveragePool::eval);
            case RESHAPE -> new Int8Kernels(OutputQuantization.INHERITED, Int8Kernels::none, Reshape::eval);
            case SOFTMAX -> new Int8Kernels(OutputQuantization.SOFTMAX, Int8Kernels::softmax, Softmax::eval);
        };
    }

    /** Runs {@code op} with its kind's kernel. */
    public static void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        of(op.kind()).kernel().eval(op, in, out, input, output);
    }

    private static Int8Params none(Op op, TensorSpec in, TensorSpec out) {
        return Int8Params.NONE;
    }

    private static Int8Params softmax(Op op, TensorSpec in, TensorSpec out) {
        SoftmaxScaling s = SoftmaxScaling.of(in.scale(), 1.0f);
        return new Int8Params(new byte[0], new float[0], new int[0], new int[] {s.inputMultiplier()},
                new int[] {s.inputLeftShift()}, -128, 127, s.diffMin());
    }

    /** Conv, depthwise and fully connected: weights per channel, int32 bias, TFLM's multipliers, the fused clamp. */
    private static Int8Params perChannel(Op op, TensorSpec in, TensorSpec out) {
        FloatParams f = op.floats();
        int channels = out.shape().dim(out.shape().rank() - 1);
        PerChannelWeights weights = PerChannelWeights.quantize(f.weights(), channels, op.kind() == OpKind.DEPTHWISE_CONV_2D);
        float[] scales = weights.scales();
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        for (int c = 0; c < channels; c++) {
            TflmArith.QuantizedMultiplier m = TflmParams.outputMultiplier(in.scale(), scales[c], out.scale());
            multipliers[c] = m.multiplier();
            shifts[c] = m.shift();
        }
        int[] range = TflmParams.activationRange(op.activation(), out.scale(), out.zeroPoint());
        return new Int8Params(weights.values(), scales, weights.quantizeBias(f.bias(), in.scale()), multipliers, shifts,
                range[0], range[1], 0);
    }
}
