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
        for (WindowCells cell = new WindowCells(win, channels, n); cell.next(); ) {
            int at = cell.at;
            float scale = 1f / ((cell.y1 - cell.y0) * (cell.x1 - cell.x0));
            if (!backward) {
                Arrays.fill(out, at, at + channels, 0f);
            }
            for (int iy = cell.y0; iy < cell.y1; iy++) {
                for (int ix = cell.x0; ix < cell.x1; ix++) {
                    int first = cell.input(iy, ix);
                    for (int c = 0; c < channels; c++) {
                        if (backward) {
                            in[first + c] += out[at + c] * scale;
                        } else {
                            out[at + c] += in[first + c] * scale;
                        }
                    }
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
