package io.tinymlaas.quant;

import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.OpKind;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.arith.SoftmaxScaling;
import io.tinymlaas.quant.arith.TflmArith;
import io.tinymlaas.quant.kernels.AveragePool;
import io.tinymlaas.quant.kernels.ConvPerChannel;
import io.tinymlaas.quant.kernels.DepthwiseConvPerChannel;
import io.tinymlaas.quant.kernels.FullyConnectedPerChannel;
import io.tinymlaas.quant.kernels.MaxPool;
import io.tinymlaas.quant.kernels.Mean;
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
        Int8Params prepare(Op op, TensorSpec in, TensorSpec out, DenseWeights dense);
    }

    /** Runs one int8 op: reads {@code input}'s bytes, writes {@code output}'s. */
    @FunctionalInterface
    public interface Kernel {
        void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output);
    }

    public static Int8Kernels of(OpKind kind) {
        return switch (kind) {
            case CONV_2D -> new Int8Kernels(OutputQuantization.CALIBRATED, Int8Kernels::weighted, ConvPerChannel::eval);
            case DEPTHWISE_CONV_2D -> new Int8Kernels(OutputQuantization.CALIBRATED, Int8Kernels::weighted,
                    DepthwiseConvPerChannel::eval);
            case FULLY_CONNECTED -> new Int8Kernels(OutputQuantization.CALIBRATED, Int8Kernels::weighted,
                    FullyConnectedPerChannel::eval);
            case MAX_POOL_2D -> new Int8Kernels(OutputQuantization.INHERITED, Int8Kernels::unweighted, MaxPool::eval);
            case AVERAGE_POOL_2D -> new Int8Kernels(OutputQuantization.INHERITED, Int8Kernels::unweighted, AveragePool::eval);
            case RESHAPE -> new Int8Kernels(OutputQuantization.INHERITED, Int8Kernels::unweighted, Reshape::eval);
            case SOFTMAX -> new Int8Kernels(OutputQuantization.SOFTMAX, Int8Kernels::unweighted, Softmax::eval);
            case MEAN -> new Int8Kernels(OutputQuantization.CALIBRATED, Int8Kernels::unweighted, Mean::eval);
        };
    }

    /** Runs {@code op} with its kind's kernel. */
    public static void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        of(op.kind()).kernel().eval(op, in, out, input, output);
    }

    /** Pooling, reshape, softmax and mean: no weights; their parameters and clamp as TFLM prepares them. */
    private static Int8Params unweighted(Op op, TensorSpec in, TensorSpec out, DenseWeights dense) {
        return TflmPrepare.prepare(op, new byte[0], new float[0], new int[0], in, out);
    }

    /**
     * Conv, depthwise and fully connected: weights symmetric per output channel (or, for
     * {@link DenseWeights#PER_TENSOR} dense weights, one scale for the tensor), int32 bias, then
     * TFLM's multipliers and clamp derived from the scales ({@link TflmPrepare}).
     */
    private static Int8Params weighted(Op op, TensorSpec in, TensorSpec out, DenseWeights dense) {
        FloatParams f = op.floats();
        int channels = out.shape().dim(out.shape().rank() - 1);
        boolean perTensor = dense == DenseWeights.PER_TENSOR && op.kind() == OpKind.FULLY_CONNECTED;
        PerChannelWeights weights = PerChannelWeights.quantize(f.weights(), perTensor ? 1 : channels,
                op.kind() == OpKind.DEPTHWISE_CONV_2D);
        return TflmPrepare.prepare(op, weights.values(), weights.scales(),
                weights.quantizeBias(f.bias(), in.scale()), in, out);
    }
}
