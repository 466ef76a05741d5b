package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.ops.OpKind;

/**
 * Softmax over the last dimension. Last in a classifier trained with cross-entropy, its gradient
 * is folded into the loss's (p - onehot), so {@link #backward} only runs when it sits elsewhere.
 */
public final class Softmax extends OneOpLayer {
    private final int width;

    Softmax(String name, Shape shape) {
        super(name, shape, shape, OpKind.SOFTMAX, "softmax");
        this.width = shape.dim(shape.rank() - 1);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        int rows = n * inputShape().size() / width;
        for (int r = 0; r < rows; r++) {
            softmaxRow(x, y, r * width, width);
        }
    }

    static void softmaxRow(float[] x, float[] y, int at, int width) {
        float max = x[at];
        for (int j = 1; j < width; j++) {
            max = Math.max(max, x[at + j]);
        }
        float sum = 0f;
        for (int j = 0; j < width; j++) {
            float e = (float) Math.exp(x[at + j] - max);
            y[at + j] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int j = 0; j < width; j++) {
            y[at + j] *= inv;
        }
    }

    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx == null) {
            return;
        }
        int rows = n * inputShape().size() / width;
        for (int r = 0; r < rows; r++) {
            int at = r * width;
            float dot = 0f;
            for (int j = 0; j < width; j++) {
                dot += dy[at + j] * y[at + j];
            }
            for (int j = 0; j < width; j++) {
                dx[at + j] = y[at + j] * (dy[at + j] - dot);
            }
        }
    }
}
