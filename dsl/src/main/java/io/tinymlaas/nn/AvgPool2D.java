package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.ops.OpKind;

import java.util.Arrays;

/** Average pooling per channel over the window's cells inside the image (as TFLite with SAME padding). */
public final class AvgPool2D extends WindowedLayer {
    AvgPool2D(String name, Shape input, Window2D win) {
        super(name, input, input.dim(2), win);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        pass(x, y, n, false);
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx != null) {
            Arrays.fill(dx, 0, n * inputShape().size(), 0f);
            pass(dx, dy, n, true);
        }
    }

    /** Forward: out = mean of the window of in. Backward: every window cell gets out / count. */
    private void pass(float[] in, float[] out, int n, boolean backward) {
        int inSize = win.inH() * win.inW() * channels;
        int at = 0;
        for (int smp = 0; smp < n; smp++) {
            int base = smp * inSize;
            for (int oy = 0; oy < win.outH(); oy++) {
                int y0 = win.rowFrom(oy);
                int y1 = win.rowTo(oy);
                for (int ox = 0; ox < win.outW(); ox++) {
                    int x0 = win.colFrom(ox);
                    int x1 = win.colTo(ox);
                    float scale = 1f / ((y1 - y0) * (x1 - x0));
                    if (!backward) {
                        Arrays.fill(out, at, at + channels, 0f);
                    }
                    for (int iy = y0; iy < y1; iy++) {
                        for (int ix = x0; ix < x1; ix++) {
                            int cell = base + (iy * win.inW() + ix) * channels;
                            for (int c = 0; c < channels; c++) {
                                if (backward) {
                                    in[cell + c] += out[at + c] * scale;
                                } else {
                                    out[at + c] += in[cell + c] * scale;
                                }
                            }
                        }
                    }
                    at += channels;
                }
            }
        }
    }

    @Override
    void lower(GraphBuilder graph) {
        graph.op(OpKind.AVERAGE_POOL_2D, outputShape(), window(), FloatParams.NONE);
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("avgPool", LayerSpec.window(win));
    }
}
