package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.GraphBuilder;

import java.util.Locale;

/**
 * An elementwise clamp min(max(x, 0), max) that lowers into the op before it (ReLU, ReLU6): no op
 * of its own. The model method named after the activation (relu, relu6) builds it again.
 */
abstract class FusableActivation extends Layer {
    private final FusedActivation fused;

    FusableActivation(String name, Shape shape, FusedActivation fused) {
        super(name, shape, shape);
        this.fused = fused;
    }

    /** Where the clamp tops out: 6 for ReLU6, nowhere for ReLU. */
    private float max() {
        return fused == FusedActivation.RELU6 ? 6f : Float.POSITIVE_INFINITY;
    }

    @Override
    final void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        int total = n * inputShape().size();
        float max = max();
        for (int k = 0; k < total; k++) {
            y[k] = Math.min(Math.max(x[k], 0f), max);
        }
    }

    @Override
    final void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx != null) {
            MatMul.INSTANCE.clampBackward(y, dy, dx, n * inputShape().size(), max());
        }
    }

    @Override
    final FusedActivation fusedActivation() {
        return fused;
    }

    @Override
    final void lower(GraphBuilder graph) {
        graph.activation(fused, getClass().getSimpleName());
    }

    @Override
    final LayerSpec spec() {
        return LayerSpec.of(fused.name().toLowerCase(Locale.ROOT));
    }
}
