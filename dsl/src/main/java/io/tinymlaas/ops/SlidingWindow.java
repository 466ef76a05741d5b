package io.tinymlaas.ops;

import io.tinymlaas.graph.Window;

/**
 * Where a kernel's window lies over the input, as TFLM's reference pooling kernels compute it (its
 * conv kernels test each cell instead, which keeps the same cells):
 * for output cell (outY, outX), the input cell of the window's top-left corner (inYOrigin,
 * inXOrigin; negative in padding) and the window rows [filterYStart, filterYEnd) and columns
 * [filterXStart, filterXEnd) that lie inside the input. One per eval call, moved with
 * {@link #moveTo}; no allocation in the loops.
 */
final class SlidingWindow {
    private final Window w;
    private final int inputHeight;
    private final int inputWidth;
    int outY;
    int outX;
    int inYOrigin;
    int inXOrigin;
    int filterYStart;
    int filterYEnd;
    int filterXStart;
    int filterXEnd;

    SlidingWindow(Window w, int inputHeight, int inputWidth) {
        this.w = w;
        this.inputHeight = inputHeight;
        this.inputWidth = inputWidth;
    }

    void moveTo(int outY, int outX) {
        this.outY = outY;
        this.outX = outX;
        inXOrigin = outX * w.strideW() - w.padLeft();
        inYOrigin = outY * w.strideH() - w.padTop();
        filterXStart = Math.max(0, -inXOrigin);
        filterXEnd = Math.min(w.kernelW(), inputWidth - inXOrigin);
        filterYStart = Math.max(0, -inYOrigin);
        filterYEnd = Math.min(w.kernelH(), inputHeight - inYOrigin);
    }
}
