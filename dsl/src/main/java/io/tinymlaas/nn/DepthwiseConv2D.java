package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.ops.OpKind;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Depthwise 2-D convolution, depth multiplier 1: each channel has its own kernel. Weights are
 * kept, and given by {@link #weights()}, in TFLite's 1HWC layout: [kernelH][kernelW][channels].
 */
public final class DepthwiseConv2D extends WindowedLayer implements Weighted {
    private float[] p;
    private int w;
    private int b;

    DepthwiseConv2D(String name, Shape input, Window2D win) {
        super(name, input, input.dim(2), win);
    }

    private int kernelSize() {
        return win.kernelH() * win.kernelW() * channels;
    }

    @Override
    public long params() {
        return (long) kernelSize() + channels;
    }

    @Override
    public long macs() {
        return (long) win.outPixels() * kernelSize();
    }

    /** A copy of the weights, TFLite layout 1HWC. */
    @Override
    public float[] weights() {
        return Arrays.copyOfRange(p, w, w + kernelSize());
    }

    /** A copy of the bias, one per channel. */
    @Override
    public float[] bias() {
        return Arrays.copyOfRange(p, b, b + channels);
    }

    /** Replaces weights and bias, given in the layouts of {@link #weights()} and {@link #bias()}. */
    @Override
    public void setWeights(float[] hwc, float[] bias) {
        checkWeights(p != null, hwc, weightCount(), bias, biasCount());
        System.arraycopy(hwc, 0, p, w, kernelSize());
        System.arraycopy(bias, 0, p, b, channels);
    }

    private int weightCount() {
        return kernelSize();
    }

    private int biasCount() {
        return channels;
    }

    @Override
    void bind(float[] params, int offset) {
        p = params;
        w = offset;
        b = offset + kernelSize();
    }

    @Override
    void initialize(SplittableRandom rng, boolean he) {
        int area = win.kernelH() * win.kernelW();
        float limit = uniformLimit(he, area, area);
        for (int i = 0; i < kernelSize(); i++) {
            p[w + i] = (float) rng.nextDouble(-limit, limit);
        }
        Arrays.fill(p, b, b + channels, 0f);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        for (WindowCells cell = new WindowCells(win, channels, n); cell.next(); ) {
            int at = cell.at;
            System.arraycopy(p, b, y, at, channels);
            for (int iy = cell.y0; iy < cell.y1; iy++) {
                for (int ix = cell.x0; ix < cell.x1; ix++) {
                    int in = cell.input(iy, ix);
                    int k = w + cell.tap(iy, ix);
                    for (int c = 0; c < channels; c++) {
                        y[at + c] += x[in + c] * p[k + c];
                    }
                }
            }
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        Arrays.fill(grad, w, b + channels, 0f);
        if (dx != null) {
            Arrays.fill(dx, 0, n * inputShape().size(), 0f);
        }
        for (WindowCells cell = new WindowCells(win, channels, n); cell.next(); ) {
            int at = cell.at;
            for (int c = 0; c < channels; c++) {
                grad[b + c] += dy[at + c];
            }
            for (int iy = cell.y0; iy < cell.y1; iy++) {
                for (int ix = cell.x0; ix < cell.x1; ix++) {
                    int in = cell.input(iy, ix);
                    int k = w + cell.tap(iy, ix);
                    for (int c = 0; c < channels; c++) {
                        grad[k + c] += x[in + c] * dy[at + c];
                    }
                    if (dx != null) {
                        for (int c = 0; c < channels; c++) {
                            dx[in + c] += p[k + c] * dy[at + c];
                        }
                    }
                }
            }
        }
    }

    @Override
    void lower(GraphBuilder graph) {
        graph.op(OpKind.DEPTHWISE_CONV_2D, outputShape(), window(), p == null ? FloatParams.NONE : new FloatParams(weights(), bias()));
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("depthwiseConv2d", LayerSpec.window(win));
    }
}
