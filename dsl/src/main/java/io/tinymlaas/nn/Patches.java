package io.tinymlaas.nn;

import java.util.Arrays;

/**
 * im2col and its adjoint: the window of every output pixel laid out as one row
 * [kernelH][kernelW][channels] (zeros where SAME padding reaches outside the image), followed
 * by a constant 1 so that the bias is one more row of the weight matrix.
 */
final class Patches {
    private Patches() {
    }

    /**
     * cols[sample·pixels + pixel][patch + 1] from x[sample][h][w][c]. One kernel offset (ky, kx) at
     * a time along a whole output row: the inner loop reads the image contiguously, which is what
     * makes this fast for the few channels of a first layer.
     */
    static void gather(Window2D win, int channels, float[] x, int n, float[] cols) {
        int inSize = win.inH() * win.inW() * channels;
        int width = win.kernelH() * win.kernelW() * channels + 1;
        int rows = n * win.outPixels();
        if (win.padTop() > 0 || win.padLeft() > 0 || win.padding() == Padding.SAME) {
            Arrays.fill(cols, 0, rows * width, 0f); // cells outside the image stay zero
        }
        for (int r = 0; r < rows; r++) {
            cols[r * width + width - 1] = 1f;
        }
        for (int s = 0; s < n; s++) {
            int base = s * inSize;
            for (int oy = 0; oy < win.outH(); oy++) {
                int rowStart = (s * win.outH() + oy) * win.outW();
                for (int ky = 0; ky < win.kernelH(); ky++) {
                    int iy = oy * win.strideH() - win.padTop() + ky;
                    if (iy < 0 || iy >= win.inH()) {
                        continue;
                    }
                    for (int kx = 0; kx < win.kernelW(); kx++) {
                        // output columns whose input column ox·stride - padLeft + kx is inside
                        int first = Math.max(0, ceilDiv(win.padLeft() - kx, win.strideW()));
                        int last = Math.min(win.outW() - 1, (win.inW() - 1 + win.padLeft() - kx) / win.strideW());
                        int to = (rowStart + first) * width + (ky * win.kernelW() + kx) * channels;
                        int from = base + (iy * win.inW() + first * win.strideW() - win.padLeft() + kx) * channels;
                        int step = win.strideW() * channels;
                        if (channels == 1) {
                            for (int ox = first; ox <= last; ox++, to += width, from += step) {
                                cols[to] = x[from];
                            }
                        } else {
                            for (int ox = first; ox <= last; ox++, to += width, from += step) {
                                System.arraycopy(x, from, cols, to, channels);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return a <= 0 ? -(-a / b) : (a + b - 1) / b;
    }

    /** dx[sample][h][w][c] = sum of the patch gradients (rows with the bias column) that read each input value. */
    static void scatter(Window2D win, int channels, float[] dCols, int n, float[] dx) {
        int inSize = win.inH() * win.inW() * channels;
        Arrays.fill(dx, 0, n * inSize, 0f);
        int at = 0;
        for (int s = 0; s < n; s++) {
            int base = s * inSize;
            for (int oy = 0; oy < win.outH(); oy++) {
                for (int ox = 0; ox < win.outW(); ox++) {
                    int y0 = oy * win.strideH() - win.padTop();
                    int x0 = ox * win.strideW() - win.padLeft();
                    for (int ky = 0; ky < win.kernelH(); ky++) {
                        int iy = y0 + ky;
                        for (int kx = 0; kx < win.kernelW(); kx++) {
                            int ix = x0 + kx;
                            if (iy >= 0 && iy < win.inH() && ix >= 0 && ix < win.inW()) {
                                int to = base + (iy * win.inW() + ix) * channels;
                                for (int c = 0; c < channels; c++) {
                                    dx[to + c] += dCols[at + c];
                                }
                            }
                            at += channels;
                        }
                    }
                    at++; // the bias column
                }
            }
        }
    }
}
