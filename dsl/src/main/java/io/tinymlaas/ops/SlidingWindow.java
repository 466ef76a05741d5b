package io.tinymlaas.ops;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Window;

/**
 * The input cells under a kernel's window at one output cell, as TFLM's reference kernels visit
 * them: the window's top-left corner at (outY · strideH − padTop, outX · strideW − padLeft), and
 * only the cells inside the input (padding is skipped, not read as zeros). {@link #next} steps
 * through the output cells in row-major order; after it (or {@link #moveTo}),
 * cell k of {@link #count} lies at {@link #cells}[k] of the NHWC input (its first channel) and is
 * tap {@link #taps}[k] of the window (filterY · kernelW + filterX). One per eval call; no
 * allocation in the loops.
 */
final class SlidingWindow {
    private final Window w;
    private final int inputHeight;
    private final int inputWidth;
    private final int depth;
    private final int outputHeight;
    private final int outputWidth;
    final int[] cells;
    final int[] taps;
    int count;
    int outY;
    int outX = -1;

    /** Over an (H, W, C) input, for an (OH, OW, …) output. */
    SlidingWindow(Window w, Shape input, Shape output) {
        this.w = w;
        this.inputHeight = input.dim(0);
        this.inputWidth = input.dim(1);
        this.depth = input.dim(2);
        this.outputHeight = output.dim(0);
        this.outputWidth = output.dim(1);
        this.cells = new int[w.kernelH() * w.kernelW()];
        this.taps = new int[cells.length];
    }

    /** Moves to the next output cell; false after the last one. */
    boolean next() {
        if (++outX == outputWidth) {
            outX = 0;
            outY++;
        }
        if (outY >= outputHeight) {
            return false;
        }
        moveTo(outY, outX);
        return true;
    }

    /** The output cell's first value in an output of {@code outputDepth} channels. */
    int outputAt(int outputDepth) {
        return (outY * outputWidth + outX) * outputDepth;
    }

    void moveTo(int outY, int outX) {
        this.outY = outY;
        this.outX = outX;
        int inYOrigin = outY * w.strideH() - w.padTop();
        int inXOrigin = outX * w.strideW() - w.padLeft();
        count = 0;
        for (int filterY = Math.max(0, -inYOrigin); filterY < Math.min(w.kernelH(), inputHeight - inYOrigin); filterY++) {
            for (int filterX = Math.max(0, -inXOrigin); filterX < Math.min(w.kernelW(), inputWidth - inXOrigin); filterX++) {
                cells[count] = ((inYOrigin + filterY) * inputWidth + inXOrigin + filterX) * depth;
                taps[count] = filterY * w.kernelW() + filterX;
                count++;
            }
        }
    }
}
