package io.tinymlaas.report;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

import java.util.ArrayList;
import java.util.List;

/** What-if graphs for sizing: the same model with one layer narrower, shapes carried down the chain. */
final class Widths {
    private Widths() {
    }

    /** {@code graph} with op {@code index} {@code width} wide; the ops keep their constants (sizing reads shapes). */
    static Graph withWidth(Graph graph, int index, int width) {
        List<TensorSpec> tensors = new ArrayList<>(graph.tensors());
        for (int i = 0; i < graph.ops().size(); i++) {
            Op op = graph.ops().get(i);
            Shape oldIn = graph.tensor(op.input()).shape();
            Shape oldOut = graph.tensor(op.output()).shape();
            Shape in = tensors.get(op.input()).shape();
            int w = i == index ? width : oldOut.dim(oldOut.rank() - 1);
            tensors.set(op.output(), tensors.get(op.output()).withShape(op.kind().resized(oldIn, oldOut, in, w)));
        }
        return new Graph(tensors, graph.ops(), graph.input(), graph.output());
    }
}
