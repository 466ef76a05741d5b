package io.tinymlaas.ops;

import io.tinymlaas.graph.Window;

/**
 * Where a pooling window lies over the input, as TFLM's reference pooling kernels compute it:
 * for output cell (outY, outX), the input cell of the window's top-left corner (inYOrigin,
 * inXOrigin; negative in padding) and the window rows [filterYStart, filterYEnd) and columns
 * [filterXStart, filterXEnd) that lie inside the input. One per eval call, moved with
 * {@link #moveTo}; no allocation in the loops.
 */
final class PoolWindow {
    private final Window w;
    private final int inputHeight;
    private final int inputWidth;
    int inYOrigin;
    int inXOrigin;
    int filterYStart;
    int filterYEnd;
    int filterXStart;
    int filterXEnd;

    PoolWindow(Window w, int inputHeight, int inputWidth) {
        this.w = w;
        this.inputHeight = inputHeight;
        this.inputWidth = inputWidth;
    }

    void moveTo(int outY, int outX) {
        inXOrigin = outX * w.strideW() - w.padLeft();
        inYOrigin = outY * w.strideH() - w.padTop();
        filterXStart = Math.max(0, -inXOrigin);
        filterXEnd = Math.min(w.kernelW(), inputWidth - inXOrigin);
        filterYStart = Math.max(0, -inYOrigin);
        filterYEnd = Math.min(w.kernelH(), inputHeight - inYOrigin);
    }
}
