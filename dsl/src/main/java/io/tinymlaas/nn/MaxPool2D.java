package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;

/** Max pooling per channel; remembers which input won, so that the gradient goes back there. */
public final class MaxPool2D extends Layer {
    private final Window2D win;
    private final int channels;

    MaxPool2D(String name, Shape input, Window2D win) {
        super(name, input, Shape.of(win.outH(), win.outW(), input.dim(2)));
        this.win = win;
        this.channels = input.dim(2);
    }

    public int kernelH() {
        return win.kernelH();
    }

    public int kernelW() {
        return win.kernelW();
    }

    public int strideH() {
        return win.strideH();
    }

    public int strideW() {
        return win.strideW();
    }

    public Padding padding() {
        return win.padding();
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        int inSize = win.inH() * win.inW() * channels;
        int rowStride = win.inW() * channels;
        int[] from = s.i;
        int at = 0;
        for (int smp = 0; smp < n; smp++) {
            int base = smp * inSize;
            for (int oy = 0; oy < win.outH(); oy++) {
                int y0 = Math.max(0, oy * win.strideH() - win.padTop());
                int y1 = Math.min(win.inH(), oy * win.strideH() - win.padTop() + win.kernelH());
                for (int ox = 0; ox < win.outW(); ox++) {
                    int x0 = Math.max(0, ox * win.strideW() - win.padLeft());
                    int x1 = Math.min(win.inW(), ox * win.strideW() - win.padLeft() + win.kernelW());
                    int first = base + y0 * rowStride + x0 * channels;
                    for (int c = 0; c < channels; c++) {
                        y[at + c] = x[first + c];
                        from[at + c] = first + c;
                    }
                    for (int iy = y0; iy < y1; iy++) {
                        for (int ix = x0; ix < x1; ix++) {
                            int cell = base + iy * rowStride + ix * channels;
                            // channels innermost and branch-free: which input wins is a coin toss
                            for (int c = 0; c < channels; c++) {
                                float v = x[cell + c];
                                float m = y[at + c];
                                boolean wins = v > m;
                                y[at + c] = wins ? v : m;
                                from[at + c] = wins ? cell + c : from[at + c];
                            }
                        }
                    }
                    at += channels;
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
    LayerSpec spec() {
        return LayerSpec.of(LayerSpec.Kind.MAX_POOL, LayerSpec.window(win));
    }
}
