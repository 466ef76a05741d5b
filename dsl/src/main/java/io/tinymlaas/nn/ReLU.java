package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;

/** max(x, 0). */
public final class ReLU extends FusableActivation {
    ReLU(String name, Shape shape) {
        super(name, shape);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        int total = n * inputShape().size();
        for (int k = 0; k < total; k++) {
            y[k] = Math.max(x[k], 0f);
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx == null) {
            return;
        }
        MatMul.INSTANCE.reluBackward(y, dy, dx, n * inputShape().size());
    }

    @Override
    FusedActivation fusedActivation() {
        return FusedActivation.RELU;
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("relu");
    }
}
