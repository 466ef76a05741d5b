package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.GraphBuilder;

/** An elementwise activation that lowers into the op before it (ReLU, ReLU6): no op of its own. */
abstract class FusableActivation extends Layer {
    FusableActivation(String name, Shape shape) {
        super(name, shape, shape);
    }

    @Override
    abstract FusedActivation fusedActivation();

    @Override
    final void lower(GraphBuilder graph) {
        graph.activation(fusedActivation(), getClass().getSimpleName());
    }
}
