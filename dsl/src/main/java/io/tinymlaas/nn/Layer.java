package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.GraphBuilder;

import java.util.SplittableRandom;

/**
 * One layer of a {@link Model}. The public side describes it (shapes, parameter and MAC counts,
 * weights in TFLite's layouts); the package-private side computes it on batches: activations of
 * {@code n} samples lie back to back, each in its shape's row-major (HWC) order.
 */
public abstract class Layer {
    private final String name;
    private final Shape inputShape;
    private final Shape outputShape;

    Layer(String name, Shape inputShape, Shape outputShape) {
        this.name = name;
        this.inputShape = inputShape;
        this.outputShape = outputShape;
    }

    /** Keras-style name, e.g. {@code dense_1}. */
    public String name() {
        return name;
    }

    public Shape inputShape() {
        return inputShape;
    }

    public Shape outputShape() {
        return outputShape;
    }

    /** Number of trainable parameters (weights and biases). */
    public long params() {
        return 0;
    }

    /** Multiply-accumulates of one inference of one sample. */
    public long macs() {
        return 0;
    }

    @Override
    public String toString() {
        return name + " " + inputShape + " -> " + outputShape;
    }

    // ---- engine side

    /** Where this layer's parameters live in the model's flat parameter array. */
    void bind(float[] params, int offset) {
    }

    /** Fills the bound parameters; {@code he} when a ReLU follows (He, else Glorot initialisation). */
    void initialize(SplittableRandom rng, boolean he) {
    }

    /** y = f(x) for {@code n} samples. */
    abstract void forward(float[] x, float[] y, int n, Scratch s, boolean training);

    /**
     * Given dL/dy, writes this layer's parameter gradients into {@code grad} (indexed like the
     * model's parameters; overwritten, not added to) and dL/dx into {@code dx}, unless dx is null
     * (nothing before needs it).
     */
    abstract void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s);

    /** Scratch floats this layer needs for a batch of {@code n}. */
    int scratchFloats(int n) {
        return 0;
    }

    /** Scratch ints this layer needs for a batch of {@code n}. */
    int scratchInts(int n) {
        return 0;
    }

    /** True when the output is the input seen with another shape (same array, nothing computed). */
    boolean isView() {
        return false;
    }

    /** Adds this layer to a lowered graph: its op, or folded into the op before it, or nothing. */
    abstract void lower(GraphBuilder graph);

    /** The activation this layer is when the op before it fuses it (ReLU, ReLU6); NONE for other layers. */
    FusedActivation fusedActivation() {
        return FusedActivation.NONE;
    }

    /** The layer's kind and settings, for the model file. */
    abstract LayerSpec spec();

    /** Per-worker scratch buffers of one layer. */
    static final class Scratch {
        final float[] f;
        final int[] i;
        final SplittableRandom rng;

        Scratch(int floats, int ints, SplittableRandom rng) {
            this.f = new float[floats];
            this.i = new int[ints];
            this.rng = rng;
        }
    }

    /** Refuses weights for an unbuilt model or of the wrong sizes. */
    final void checkWeights(boolean built, float[] weights, int weightCount, float[] bias, int biasCount) {
        if (!built) {
            throw new IllegalStateException(name + " has no weights yet: they are drawn on the model's first use "
                    + "(fit, predict or evaluate)");
        }
        if (weights.length != weightCount || bias.length != biasCount) {
            throw new IllegalArgumentException(name + " takes " + weightCount + " weights and " + biasCount
                    + " biases, not " + weights.length + " and " + bias.length);
        }
    }

    static float uniformLimit(boolean he, int fanIn, int fanOut) {
        return (float) (he ? Math.sqrt(6.0 / fanIn) : Math.sqrt(6.0 / (fanIn + fanOut)));
    }
}
