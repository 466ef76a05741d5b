package io.tinymlaas.quant;

import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.GraphBuilder.Lowered;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.ops.OpKernel;
import io.tinymlaas.ops.OpKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Post-training int8 quantization of a lowered float graph, following the TFLite int8
 * specification: each op's output is quantized as its kernel says ({@link OpKernel#output()}: the
 * calibrated range, its input's parameters, or softmax's fixed 1/256); weights become int8,
 * symmetric per output channel (or per tensor for {@link DenseWeights#PER_TENSOR} dense weights),
 * with an int32 bias; then the kernel prepares its multipliers and clamp as TFLM would from the
 * stored numbers ({@link OpKernel#prepare}).
 */
public final class Quantizer {
    private Quantizer() {
    }

    /**
     * @param min per tensor of the float graph, the smallest value seen on the calibration set
     * @param max per tensor, the largest
     */
    public static QuantizedModel quantize(Lowered lowered, float[] min, float[] max) {
        return quantize(lowered, min, max, DenseWeights.PER_CHANNEL);
    }

    /** As above, with dense (FULLY_CONNECTED) weights quantized per channel or per tensor. */
    public static QuantizedModel quantize(Lowered lowered, float[] min, float[] max, DenseWeights dense) {
        Graph floats = lowered.requireFused().graph();
        List<TensorSpec> tensors = new ArrayList<>();
        for (int t = 0; t < floats.tensors().size(); t++) {
            tensors.add(null);
        }
        tensors.set(floats.input(), quantized(floats.inputSpec(), QuantParams.asymmetric(min[floats.input()], max[floats.input()])));
        List<Op> ops = new ArrayList<>();
        for (Op op : floats.ops()) {
            OpKernel kernel = OpKind.of(op.kind()).kernel();
            TensorSpec in = tensors.get(op.input());
            QuantParams out = switch (kernel.output()) {
                case CALIBRATED -> QuantParams.asymmetric(min[op.output()], max[op.output()]);
                case INHERITED -> new QuantParams(in.scale(), in.zeroPoint());
                case SOFTMAX -> QuantParams.SOFTMAX_OUTPUT;
            };
            TensorSpec output = quantized(floats.tensor(op.output()), out);
            tensors.set(op.output(), output);
            Op stored = new Op(op.kind(), op.name(), op.input(), op.output(), op.window(), op.activation(),
                    op.kind().isWeighted() ? quantizedWeights(op, in, output, dense) : Int8Params.NONE);
            ops.add(new Op(op.kind(), op.name(), op.input(), op.output(), op.window(), op.activation(),
                    kernel.prepare(stored, in, output)));
        }
        return new QuantizedModel(new Graph(tensors, ops, floats.input(), floats.output()), lowered.sourceLayers());
    }

    /** The int8 weights, their scales and the int32 bias of a conv, depthwise or dense op, as a .tflite stores them. */
    private static Int8Params quantizedWeights(Op op, TensorSpec in, TensorSpec out, DenseWeights dense) {
        FloatParams f = op.floats();
        int channels = out.shape().dim(out.shape().rank() - 1);
        boolean perTensor = dense == DenseWeights.PER_TENSOR && op.kind() == OpKind.FULLY_CONNECTED;
        PerChannelWeights weights = PerChannelWeights.quantize(f.weights(), perTensor ? 1 : channels,
                op.kind() == OpKind.DEPTHWISE_CONV_2D);
        return new Int8Params(weights.values(), weights.scales(), weights.quantizeBias(f.bias(), in.scale()),
                new int[0], new int[0], -128, 127, 0);
    }

    private static TensorSpec quantized(TensorSpec t, QuantParams p) {
        return new TensorSpec(t.name(), t.shape(), p.scale(), p.zeroPoint());
    }
}
