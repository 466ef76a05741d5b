package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

/**
 * A weightless layer that lowers to one op of its own and that the model method {@code call},
 * without settings, builds again (flatten, globalAvgPool, softmax).
 */
abstract class OneOpLayer extends Layer {
    private final OpKind kind;
    private final String call;

    OneOpLayer(String name, Shape input, Shape output, OpKind kind, String call) {
        super(name, input, output);
        this.kind = kind;
        this.call = call;
    }

    @Override
    final void lower(GraphBuilder graph) {
        graph.op(kind, outputShape(), Window.NONE, FloatParams.NONE);
    }

    @Override
    final LayerSpec spec() {
        return LayerSpec.of(call);
    }
}
