package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

import java.util.SplittableRandom;

/**
 * Fully connected: y = x·Wᵀ + b with W[out][in], TFLite's layout, which also suits all three
 * products: outputs as dot products of rows, and both gradients as row updates along the inputs.
 */
public final class Dense extends Layer implements Weighted {
    private final int in;
    private final int out;
    private float[] p;
    private int w;      // offset of W[out][in]
    private int b;      // offset of the bias

    Dense(String name, Shape input, int units) {
        super(name, input, Shape.of(units));
        this.in = input.size();
        this.out = units;
    }

    public int units() {
        return out;
    }

    @Override
    public long params() {
        return (long) in * out + out;
    }

    @Override
    public long macs() {
        return (long) in * out;
    }

    /** A copy of the weights, TFLite layout [out][in]. */
    @Override
    public float[] weights() {
        return java.util.Arrays.copyOfRange(p, w, w + in * out);
    }

    /** A copy of the bias, one per output. */
    @Override
    public float[] bias() {
        return java.util.Arrays.copyOfRange(p, b, b + out);
    }

    /** Replaces weights and bias, given in the layouts of {@link #weights()} and {@link #bias()}. */
    @Override
    public void setWeights(float[] tflite, float[] bias) {
        checkWeights(p != null, tflite, weightCount(), bias, biasCount());
        System.arraycopy(tflite, 0, p, w, in * out);
        System.arraycopy(bias, 0, p, b, out);
    }

    private int weightCount() {
        return in * out;
    }

    private int biasCount() {
        return out;
    }

    @Override
    void bind(float[] params, int offset) {
        p = params;
        w = offset;
        b = offset + in * out;
    }

    @Override
    void initialize(SplittableRandom rng, boolean he) {
        float limit = uniformLimit(he, in, out);
        for (int i = 0; i < in * out; i++) {
            p[w + i] = (float) rng.nextDouble(-limit, limit);
        }
        java.util.Arrays.fill(p, b, b + out, 0f);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        MatMul.INSTANCE.multiplyByTransposed(n, out, in, x, 0, p, w, y, 0);
        for (int r = 0; r < n; r++) {
            int row = r * out;
            for (int j = 0; j < out; j++) {
                y[row + j] += p[b + j];
            }
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        // dW[out][in] = dyᵀ·x: A = dyᵀ read with swapped strides
        MatMul.INSTANCE.multiply(out, in, n, dy, 0, 1, out, x, 0, grad, w, false);
        System.arraycopy(dy, 0, grad, b, out);
        for (int r = 1; r < n; r++) {
            int row = r * out;
            for (int j = 0; j < out; j++) {
                grad[b + j] += dy[row + j];
            }
        }
        if (dx != null) {
            MatMul.INSTANCE.multiply(n, in, out, dy, 0, out, 1, p, w, dx, 0, false);
        }
    }

    @Override
    void lower(GraphBuilder graph) {
        graph.op(OpKind.FULLY_CONNECTED, outputShape(), Window.NONE, p == null ? FloatParams.NONE : new FloatParams(weights(), bias()));
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("dense", out);
    }
}
