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

    /** cols[sample·pixels + pixel][patch] from x[sample][h][w][c]. */
    static void gather(Window2D win, int channels, float[] x, int n, float[] cols) {
        int inSize = win.inH() * win.inW() * channels;
        int row = win.kernelW() * channels;
        int at = 0;
        for (int s = 0; s < n; s++) {
            int base = s * inSize;
            for (int oy = 0; oy < win.outH(); oy++) {
                for (int ox = 0; ox < win.outW(); ox++) {
                    int y0 = oy * win.strideH() - win.padTop();
                    int x0 = ox * win.strideW() - win.padLeft();
                    boolean inside = x0 >= 0 && x0 + win.kernelW() <= win.inW();
                    for (int ky = 0; ky < win.kernelH(); ky++) {
                        int iy = y0 + ky;
                        if (iy < 0 || iy >= win.inH()) {
                            Arrays.fill(cols, at, at + row, 0f);
                        } else if (inside) {
                            // rows are a few floats: a loop beats System.arraycopy's call
                            int from = base + (iy * win.inW() + x0) * channels;
                            for (int q = 0; q < row; q++) {
                                cols[at + q] = x[from + q];
                            }
                        } else {
                            for (int kx = 0; kx < win.kernelW(); kx++) {
                                int ix = x0 + kx;
                                int to = at + kx * channels;
                                if (ix < 0 || ix >= win.inW()) {
                                    Arrays.fill(cols, to, to + channels, 0f);
                                } else {
                                    System.arraycopy(x, base + (iy * win.inW() + ix) * channels, cols, to, channels);
                                }
                            }
                        }
                        at += row;
                    }
                    cols[at++] = 1f;
                }
            }
        }
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
