package io.tinymlaas.quant;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.GraphBuilder.Lowered;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Post-training int8 quantization of a lowered float graph, following the TFLite int8
 * specification: each op's output is quantized as its kind says ({@link Int8Kernels}: the
 * calibrated range, its input's parameters, or softmax's fixed 1/256), then its constants are
 * prepared from the float op and the two tensors — weights symmetric per output channel, int32
 * bias, TFLM's multipliers, the fused activation as a clamp.
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
            Int8Kernels kind = Int8Kernels.of(op.kind());
            TensorSpec in = tensors.get(op.input());
            QuantParams out = switch (kind.output()) {
                case CALIBRATED -> QuantParams.asymmetric(min[op.output()], max[op.output()]);
                case INHERITED -> new QuantParams(in.scale(), in.zeroPoint());
                case SOFTMAX -> QuantParams.SOFTMAX_OUTPUT;
            };
            TensorSpec output = quantized(floats.tensor(op.output()), out);
            tensors.set(op.output(), output);
            ops.add(new Op(op.kind(), op.name(), op.input(), op.output(), op.window(), op.activation(),
                    kind.preparation().prepare(op, in, output, dense)));
        }
        return new QuantizedModel(new Graph(tensors, ops, floats.input(), floats.output()), lowered.sourceLayers());
    }

    private static TensorSpec quantized(TensorSpec t, QuantParams p) {
        return new TensorSpec(t.name(), t.shape(), p.scale(), p.zeroPoint());
    }
}
