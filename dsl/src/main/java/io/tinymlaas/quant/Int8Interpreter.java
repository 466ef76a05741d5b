package io.tinymlaas.quant;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.ops.OpKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Java reference runtime: runs a quantized {@link Graph}'s ops in order with TFLM's int8
 * reference kernels (each op kind's {@link io.tinymlaas.ops.OpKernel}). Its output bytes are the bytes every board must return for the same input.
 */
public final class Int8Interpreter {
    private Int8Interpreter() {
    }

    /** The output tensor's bytes for one input sample (the input tensor's bytes, NHWC). */
    public static byte[] run(Graph graph, byte[] input) {
        return trace(graph, input).get(graph.output());
    }

    /** Every tensor's bytes, indexed as {@code graph.tensors()}; a tensor no op writes stays zero. */
    public static List<byte[]> trace(Graph graph, byte[] input) {
        TensorSpec inputSpec = graph.tensors().get(graph.input());
        if (input.length != inputSpec.bytes()) {
            throw new IllegalArgumentException("input has " + input.length + " bytes but tensor '" + inputSpec.name()
                    + "' of shape " + inputSpec.shape() + " needs " + inputSpec.bytes());
        }
        List<byte[]> values = new ArrayList<>();
        for (TensorSpec t : graph.tensors()) {
            values.add(new byte[t.bytes()]);
        }
        System.arraycopy(input, 0, values.get(graph.input()), 0, input.length);
        for (Op op : graph.ops()) {
            TensorSpec in = graph.tensors().get(op.input());
            TensorSpec out = graph.tensors().get(op.output());
            byte[] x = values.get(op.input());
            byte[] y = values.get(op.output());
            OpKind.of(op.kind()).kernel().eval(op, in, out, x, y);
        }
        return Collections.unmodifiableList(values);
    }
}
