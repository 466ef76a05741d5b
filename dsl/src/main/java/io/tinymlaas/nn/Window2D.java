package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.ops.TflmParams;

/**
 * The geometry of a sliding window over an (height, width, channels) input: kernel, stride,
 * padding, and the output size and top/left padding that follow (TFLite's rules).
 */
record Window2D(int kernelH, int kernelW, int strideH, int strideW, Padding padding,
                int inH, int inW, int outH, int outW, int padTop, int padLeft) {

    static Window2D of(String layer, Shape in, int kernelH, int kernelW, int strideH, int strideW, Padding padding) {
        if (in.rank() != 3) {
            throw new IllegalArgumentException(layer + " needs an (height, width, channels) input, but gets " + in
                    + ": start the model from an image shape such as Shape.of(28, 28, 1)");
        }
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException(layer + ": kernel " + kernelH + "x" + kernelW + " and stride "
                    + strideH + "x" + strideW + " must be at least 1");
        }
        int h = in.dim(0);
        int w = in.dim(1);
        boolean same = padding == Padding.SAME;
        if (!same && (kernelH > h || kernelW > w)) {
            throw new IllegalArgumentException(layer + ": the " + kernelH + "x" + kernelW
                    + " window does not fit its input " + in + " with VALID padding: use Padding.SAME or a smaller window");
        }
        int outH = TflmParams.outSize(same, h, kernelH, strideH);
        int outW = TflmParams.outSize(same, w, kernelW, strideW);
        int padTop = same ? TflmParams.samePadding(strideH, h, kernelH, outH) : 0;
        int padLeft = same ? TflmParams.samePadding(strideW, w, kernelW, outW) : 0;
        return new Window2D(kernelH, kernelW, strideH, strideW, padding, h, w, outH, outW, padTop, padLeft);
    }

    int outPixels() {
        return outH * outW;
    }

    /** The input row of the top of output row {@code oy}'s window; above the image (negative) in SAME padding. */
    int windowTop(int oy) {
        return oy * strideH - padTop;
    }

    /** The input column of the left of output column {@code ox}'s window; negative in SAME padding. */
    int windowLeft(int ox) {
        return ox * strideW - padLeft;
    }

    /** Output row {@code oy}'s window covers the image rows [rowFrom(oy), rowTo(oy)). */
    int rowFrom(int oy) {
        return Math.max(0, windowTop(oy));
    }

    int rowTo(int oy) {
        return Math.min(inH, windowTop(oy) + kernelH);
    }

    /** Output column {@code ox}'s window covers the image columns [colFrom(ox), colTo(ox)). */
    int colFrom(int ox) {
        return Math.max(0, windowLeft(ox));
    }

    int colTo(int ox) {
        return Math.min(inW, windowLeft(ox) + kernelW);
    }
}
