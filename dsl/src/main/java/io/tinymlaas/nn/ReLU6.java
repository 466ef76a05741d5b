package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;

/** min(max(x, 0), 6), the activation of MobileNets: keeps int8 ranges small. */
public final class ReLU6 extends FusableActivation {
    ReLU6(String name, Shape shape) {
        super(name, shape, FusedActivation.RELU6);
    }
}
