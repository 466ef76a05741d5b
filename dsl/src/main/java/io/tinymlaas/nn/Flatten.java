package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.ops.OpKind;

/** (h, w, c) → (h·w·c,), keeping HWC row-major order: the same bytes as TFLite's RESHAPE. */
public final class Flatten extends OneOpLayer {
    Flatten(String name, Shape input) {
        super(name, input, Shape.of(input.size()), OpKind.RESHAPE, "flatten");
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
}
