package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;

/** min(max(x, 0), 6), the activation of MobileNets: keeps int8 ranges small. */
public final class ReLU6 extends FusableActivation {
    ReLU6(String name, Shape shape) {
        super(name, shape);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        int total = n * inputShape().size();
        for (int k = 0; k < total; k++) {
            y[k] = Math.min(Math.max(x[k], 0f), 6f);
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx == null) {
            return;
        }
        int total = n * inputShape().size();
        for (int k = 0; k < total; k++) {
            dx[k] = y[k] > 0f && y[k] < 6f ? dy[k] : 0f;
        }
    }

    @Override
    FusedActivation fusedActivation() {
        return FusedActivation.RELU6;
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("relu6");
    }
}
