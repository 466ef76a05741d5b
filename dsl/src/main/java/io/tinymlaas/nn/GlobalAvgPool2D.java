package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.ops.OpKind;

/**
 * The mean of each channel over the whole image: (h, w, c) → (c), Keras's GlobalAveragePooling2D,
 * which TFLite runs as MEAN over height and width. Common at the end of small CNNs, where it
 * replaces flatten() and a wide dense layer.
 */
public final class GlobalAvgPool2D extends OneOpLayer {
    private final int pixels;
    private final int channels;

    GlobalAvgPool2D(String name, Shape input) {
        super(name, input, Shape.of(input.dim(2)), OpKind.MEAN, "globalAvgPool");
        this.pixels = input.dim(0) * input.dim(1);
        this.channels = input.dim(2);
    }

    @Override
    void forward(float[] x, float[] y, int n, Scratch s, boolean training) {
        float scale = 1f / pixels;
        for (int smp = 0; smp < n; smp++) {
            int in = smp * pixels * channels;
            int out = smp * channels;
            for (int c = 0; c < channels; c++) {
                y[out + c] = 0f;
            }
            for (int p = 0; p < pixels; p++) {
                for (int c = 0; c < channels; c++) {
                    y[out + c] += x[in + p * channels + c];
                }
            }
            for (int c = 0; c < channels; c++) {
                y[out + c] *= scale;
            }
        }
    }

    /** Every cell of a channel gets that channel's gradient / (h · w). */
    @Override
    void backward(float[] x, float[] y, float[] dy, float[] dx, float[] grad, int n, Scratch s) {
        if (dx == null) {
            return;
        }
        float scale = 1f / pixels;
        for (int smp = 0; smp < n; smp++) {
            int in = smp * pixels * channels;
            int out = smp * channels;
            for (int p = 0; p < pixels; p++) {
                for (int c = 0; c < channels; c++) {
                    dx[in + p * channels + c] = dy[out + c] * scale;
                }
            }
        }
    }
}
