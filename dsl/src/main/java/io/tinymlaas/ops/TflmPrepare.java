package io.tinymlaas.ops;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;

import java.util.ArrayList;
import java.util.List;

/**
 * What TFLM's Prepare computes from the numbers a .tflite stores — tensor scales, weight scales,
 * fused activations — before it runs a model: each op's kernel prepares its own multipliers,
 * shifts and clamp ({@link OpKernel#prepare}). The quantizer prepares through the same kernels,
 * so a model we export gives, in TFLM, exactly the multipliers our kernels use.
 */
public final class TflmPrepare {
    private TflmPrepare() {
    }

    /** The graph with every op's derived numbers computed from its stored ones (a graph read from a .tflite). */
    public static Graph prepare(Graph stored) {
        List<Op> ops = new ArrayList<>();
        for (Op op : stored.ops()) {
            Int8Params p = OpKind.of(op.kind()).kernel().prepare(op, stored.tensor(op.input()), stored.tensor(op.output()));
            ops.add(new Op(op.kind(), op.name(), op.input(), op.output(), op.window(), op.activation(), p));
        }
        return new Graph(stored.tensors(), ops, stored.input(), stored.output());
    }
}
