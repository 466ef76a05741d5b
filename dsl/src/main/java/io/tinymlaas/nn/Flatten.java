package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FloatParams;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

/** (h, w, c) → (h·w·c,), keeping HWC row-major order: the same bytes as TFLite's RESHAPE. */
public final class Flatten extends Layer {
    Flatten(String name, Shape input) {
        super(name, input, Shape.of(input.size()));
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        if (x != y) {
            System.arraycopy(x, 0, y, 0, n * inputShape().size());
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx != null && dx != dy) {
            System.arraycopy(dy, 0, dx, 0, n * inputShape().size());
        }
    }

    @Override
    boolean isView() {
        return true;
    }

    @Override
    void lower(GraphBuilder graph) {
        graph.op(OpKind.RESHAPE, outputShape(), Window.NONE, FloatParams.NONE);
    }

    @Override
    LayerSpec spec() {
        return LayerSpec.of("flatten");
    }
}
