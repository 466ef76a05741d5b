package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.GraphBuilder;

/**
 * While training, zeroes each value with probability {@code rate} and scales the others by
 * 1/(1 - rate); at inference it passes values through (and is left out of exported graphs).
 */
public final class Dropout extends Layer {
    private final float rate;

    Dropout(String name, Shape shape, float rate) {
        super(name, shape, shape);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(name + ": dropout rate " + rate + " must be in [0, 1), e.g. 0.2");
        }
        this.rate = rate;
    }

    public float rate() {
        return rate;
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        int total = n * inputShape().size();
        if (!training) {
            System.arraycopy(x, 0, y, 0, total);
            return;
        }
        float keep = 1f / (1f - rate);
        float[] mask = s.f;
        for (int k = 0; k < total; k++) {
            mask[k] = s.rng.nextFloat() < rate ? 0f : keep;
            y[k] = x[k] * mask[k];
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx == null) {
            return;
        }
        int total = n * inputShape().size();
        for (int k = 0; k < total; k++) {
            dx[k] = dy[k] * s.f[k];
        }
    }

    @Override
    int scratchFloats(int n) {
        return n * inputShape().size();
    }

    @Override
    void lower(GraphBuilder graph) {
        graph.identity();
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("dropout", Float.floatToIntBits(rate));
    }
}
