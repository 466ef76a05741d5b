package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.ops.OpKind;

/** Max pooling per channel; remembers which input won, so that the gradient goes back there. */
public final class MaxPool2D extends WindowedLayer {
    MaxPool2D(String name, Shape input, Window2D win) {
        super(name, input, input.dim(2), win);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        if (win.kernelH() == 2 && win.kernelW() == 2 && win.strideH() == 2 && win.strideW() == 2
                && win.padding() == Padding.VALID) {
            pool2x2(x, y, s.i, n);
            return;
        }
        int[] from = s.i;
        for (WindowCells cell = new WindowCells(win, channels, n); cell.next(); ) {
            int at = cell.at;
            int first = cell.input(cell.y0, cell.x0);
            for (int c = 0; c < channels; c++) {
                y[at + c] = x[first + c];
                from[at + c] = first + c;
            }
            for (int iy = cell.y0; iy < cell.y1; iy++) {
                for (int ix = cell.x0; ix < cell.x1; ix++) {
                    int in = cell.input(iy, ix);
                    // channels innermost and branch-free: which input wins is a coin toss
                    for (int c = 0; c < channels; c++) {
                        float v = x[in + c];
                        float m = y[at + c];
                        boolean wins = v > m;
                        y[at + c] = wins ? v : m;
                        from[at + c] = wins ? in + c : from[at + c];
                    }
                }
            }
        }
    }

    /** The common 2x2 window, stride 2: four loads and three branch-free comparisons a value. */
    private void pool2x2(float[] x, float[] y, int[] from, int n) {
        int inSize = win.inH() * win.inW() * channels;
        int rowStride = win.inW() * channels;
        int at = 0;
        for (int smp = 0; smp < n; smp++) {
            for (int oy = 0; oy < win.outH(); oy++) {
                int top = smp * inSize + 2 * oy * rowStride;
                for (int ox = 0; ox < win.outW(); ox++, at += channels) {
                    int p00 = top + 2 * ox * channels;
                    int p01 = p00 + channels;
                    int p10 = p00 + rowStride;
                    int p11 = p10 + channels;
                    for (int c = 0; c < channels; c++) {
                        float a = x[p00 + c];
                        float b = x[p01 + c];
                        float d = x[p10 + c];
                        float e = x[p11 + c];
                        int ab = b > a ? p01 + c : p00 + c;
                        float mab = Math.max(a, b);
                        int de = e > d ? p11 + c : p10 + c;
                        float mde = Math.max(d, e);
                        from[at + c] = mde > mab ? de : ab;
                        y[at + c] = Math.max(mab, mde);
                    }
                }
            }
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx == null) {
            return;
        }
        java.util.Arrays.fill(dx, 0, n * inputShape().size(), 0f);
        int[] from = s.i;
        int total = n * outputShape().size();
        for (int k = 0; k < total; k++) {
            dx[from[k]] += dy[k];
        }
    }

    @Override
    int scratchInts(int n) {
        return n * outputShape().size();
    }

    @Override
    void lower(GraphBuilder graph) {
        graph.op(OpKind.MAX_POOL_2D, outputShape(), window(), FloatParams.NONE);
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("maxPool", LayerSpec.window(win));
    }
}
