package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;

/** max(x, 0). */
public final class ReLU extends FusableActivation {
    ReLU(String name, Shape shape) {
        super(name, shape, FusedActivation.RELU);
    }
}
