package io.tinymlaas.nn;

/**
 * Updates the flat parameter array from the workers' gradients (summed in a fixed order, so a
 * run is repeatable). Each worker updates its own range of parameters.
 */
abstract class Optimizer {
    final float learningRate;

    Optimizer(float learningRate) {
        this.learningRate = learningRate;
    }

    /** Called once per batch before the ranges are updated. */
    void beginStep() {
    }

    /**
     * Updates params[lo, hi) with the sum of grads[c][lo, hi) over the chunks c, added in chunk
     * order. The usual two chunks are summed inside the update, in one pass over memory.
     */
    final void step(float[] params, float[][] grads, int lo, int hi) {
        float[] g = grads[0];
        for (int c = 1; c < grads.length - 1; c++) {
            float[] other = grads[c];
            for (int i = lo; i < hi; i++) {
                g[i] += other[i];
            }
        }
        update(params, g, grads.length > 1 ? grads[grads.length - 1] : ZERO_GRADIENTS, grads.length > 1, lo, hi);
    }

    private static final float[] ZERO_GRADIENTS = new float[0];

    /** Updates with the gradient g[i] + h[i] (h only when {@code both}). */
    abstract void update(float[] params, float[] g, float[] h, boolean both, int lo, int hi);

    /** Stochastic gradient descent, with momentum when {@code momentum > 0}. */
    static final class Sgd extends Optimizer {
        private final float momentum;
        private final float[] velocity;

        Sgd(float learningRate, float momentum, int params) {
            super(learningRate);
            this.momentum = momentum;
            this.velocity = momentum > 0 ? new float[params] : null;
        }

        @Override
        void update(float[] params, float[] g, float[] h, boolean both, int lo, int hi) {
            float lr = learningRate;
            if (velocity == null && both) {
                for (int i = lo; i < hi; i++) {
                    params[i] -= lr * (g[i] + h[i]);
                }
            } else if (velocity == null) {
                for (int i = lo; i < hi; i++) {
                    params[i] -= lr * g[i];
                }
            } else {
                for (int i = lo; i < hi; i++) {
                    velocity[i] = momentum * velocity[i] - lr * (both ? g[i] + h[i] : g[i]);
                    params[i] += velocity[i];
                }
            }
        }
    }

    /** Adam (Kingma and Ba) with Keras's defaults β1 0.9, β2 0.999, ε 1e-7. */
    static final class Adam extends Optimizer {
        private static final float BETA1 = 0.9f;
        private static final float BETA2 = 0.999f;
        private static final float EPSILON = 1e-7f;
        private final float[] m;
        private final float[] v;
        private int t;
        private float stepSize;
        private float correction2;

        Adam(float learningRate, int params) {
            super(learningRate);
            m = new float[params];
            v = new float[params];
        }

        @Override
        void beginStep() {
            t++;
            stepSize = (float) (learningRate / (1 - Math.pow(BETA1, t)));
            correction2 = (float) (1 / (1 - Math.pow(BETA2, t)));
        }

        @Override
        void update(float[] params, float[] grad, float[] other, boolean both, int lo, int hi) {
            for (int i = lo; i < hi; i++) {
                float g = both ? grad[i] + other[i] : grad[i];
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                params[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i] * correction2) + EPSILON);
            }
        }
    }
}
