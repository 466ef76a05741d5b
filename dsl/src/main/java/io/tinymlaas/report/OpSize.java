package io.tinymlaas.report;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;

/**
 * One op of a graph as the size report counts it: weights, MACs and element operations follow
 * from its kind ({@link io.tinymlaas.ops.OpKind}) and its input and output shapes.
 */
record OpSize(Op op, Shape in, Shape out) {

    static OpSize of(Graph graph, Op op) {
        return new OpSize(op, graph.tensor(op.input()).shape(), graph.tensor(op.output()).shape());
    }

    String name() {
        return op.name();
    }

    /** Output channels: filters or units for conv and dense, channels otherwise. */
    int width() {
        return out.dim(out.rank() - 1);
    }

    boolean hasWidth() {
        return op.kind().hasWidth();
    }

    long weightCount() {
        return op.kind().weightCount(in, out, op.window());
    }

    boolean hasWeights() {
        return weightCount() > 0;
    }

    long biasCount() {
        return op.hasBias() && hasWeights() ? width() : 0;
    }

    long params() {
        return weightCount() + biasCount();
    }

    long macs() {
        return op.kind().macs(in, out, op.window());
    }

    long elementOps(Precision precision) {
        return op.kind().elementOps(in, out, op.window(), precision.opsPerOutput(), precision.softmaxOpsPerElement());
    }

    /** The DSL call that builds this op: dense(128), conv2d(8, 3). */
    String dsl() {
        return dslWithWidth(width());
    }

    String dslWithWidth(int newWidth) {
        return op.kind().dsl(newWidth, op.window());
    }
}
