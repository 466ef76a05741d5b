package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.ops.OpKind;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * 2-D convolution with {@code filters} output channels, as a matrix product over image patches
 * (im2col): patches[pixel][kh·kw·c + 1] · W[kh·kw·c + 1][filters], the last row being the bias.
 * {@link #weights()} gives TFLite's OHWI.
 */
public final class Conv2D extends WindowedLayer implements Weighted {
    private final int filters;
    private final int patch;    // kh * kw * channels
    private float[] p;
    private int w;
    private int b;

    Conv2D(String name, Shape input, int filters, Window2D win) {
        super(name, input, filters, win);
        this.filters = filters;
        this.patch = win.kernelH() * win.kernelW() * channels;
    }

    public int filters() {
        return filters;
    }

    @Override
    public long params() {
        return (long) patch * filters + filters;
    }

    @Override
    public long macs() {
        return (long) win.outPixels() * patch * filters;
    }

    /** A copy of the weights, TFLite layout OHWI: [filters][kernelH][kernelW][channels]. */
    @Override
    public float[] weights() {
        float[] t = new float[patch * filters];
        MatMul.transpose(p, w, patch, filters, t, 0);
        return t;
    }

    /** A copy of the bias, one per filter. */
    @Override
    public float[] bias() {
        return Arrays.copyOfRange(p, b, b + filters);
    }

    /** Replaces weights and bias, given in the layouts of {@link #weights()} and {@link #bias()}. */
    @Override
    public void setWeights(float[] ohwi, float[] bias) {
        checkWeights(p != null, ohwi, weightCount(), bias, biasCount());
        float[] internal = new float[patch * filters];
        MatMul.transpose(ohwi, 0, filters, patch, internal, 0);
        System.arraycopy(internal, 0, p, w, internal.length);
        System.arraycopy(bias, 0, p, b, filters);
    }

    private int weightCount() {
        return patch * filters;
    }

    private int biasCount() {
        return filters;
    }

    @Override
    void bind(float[] params, int offset) {
        p = params;
        w = offset;
        b = offset + patch * filters;
    }

    @Override
    void initialize(SplittableRandom rng, boolean he) {
        int area = win.kernelH() * win.kernelW();
        float limit = uniformLimit(he, patch, area * filters);
        for (int i = 0; i < patch * filters; i++) {
            p[w + i] = (float) rng.nextDouble(-limit, limit);
        }
        Arrays.fill(p, b, b + filters, 0f);
    }

    // The bias is stored right after W[patch][filters], so with the patches' constant-1 column it
    // is row `patch` of one (patch + 1) x filters matrix: one product computes y = patches·W + b
    // and one gives both gradients.

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        Patches.gather(win, channels, x, n, s.f);
        MatMul.INSTANCE.multiply(n * win.outPixels(), filters, patch + 1, s.f, 0, patch + 1, 1, p, w, y, 0, false);
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        float[] cols = s.f; // patches kept from the forward pass
        int rows = n * win.outPixels();
        MatMul.INSTANCE.multiply(patch + 1, filters, rows, cols, 0, 1, patch + 1, dy, 0, grad, w, false);
        if (dx != null) {
            int wt = rows * (patch + 1); // W transposed [filters][patch + 1] (bias row included, unused) after the patches
            MatMul.transpose(p, w, patch + 1, filters, s.f, wt);
            // the patch gradients overwrite the patches, which are no longer needed
            MatMul.INSTANCE.multiply(rows, patch + 1, filters, dy, 0, filters, 1, s.f, wt, cols, 0, false);
            Patches.scatter(win, channels, cols, n, dx);
        }
    }

    @Override
    int scratchFloats(int n) {
        return n * win.outPixels() * (patch + 1) + (patch + 1) * filters;
    }

    @Override
    void lower(GraphBuilder graph) {
        graph.op(OpKind.CONV_2D, outputShape(), window(), p == null ? FloatParams.NONE : new FloatParams(weights(), bias()));
    }

    @Override
    LayerSpec spec() {
        int[] window = LayerSpec.window(win);
        int[] settings = new int[window.length + 1];
        settings[0] = filters;
        System.arraycopy(window, 0, settings, 1, window.length);
        return LayerSpec.of("conv2d", settings);
    }
}
