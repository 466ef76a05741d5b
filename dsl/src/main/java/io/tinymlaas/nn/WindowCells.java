package io.tinymlaas.nn;

/**
 * Walks the output cells of a {@link Window2D} over a batch, in output order, for the layers that
 * loop over windows themselves (depthwise convolution, poolings): {@code while (cell.next())}, then
 * the cell's window covers the image rows [y0, y1) and columns [x0, x1). One channel count serves
 * input and output, as in those layers.
 */
final class WindowCells {
    private final Window2D win;
    private final int channels;
    private final int samples;
    private int sample;
    private int oy;
    private int ox = -1;
    /** The sample's first input value. */
    private int base;
    /** The cell's first output value. */
    int at;
    /** Where the window starts: above and left of the image (negative) in SAME padding. */
    int top;
    int left;
    int y0;
    int y1;
    int x0;
    int x1;

    WindowCells(Window2D win, int channels, int samples) {
        this.win = win;
        this.channels = channels;
        this.samples = samples;
        this.at = -channels;
        rows();
    }

    /** Moves to the next output cell; false after the last one. */
    boolean next() {
        if (sample == samples) {
            return false;
        }
        at += channels;
        if (++ox == win.outW()) {
            ox = 0;
            if (++oy == win.outH()) {
                oy = 0;
                if (++sample == samples) {
                    return false;
                }
                base += win.inH() * win.inW() * channels;
            }
            rows();
        }
        left = win.windowLeft(ox);
        x0 = win.colFrom(ox);
        x1 = win.colTo(ox);
        return true;
    }

    private void rows() {
        top = win.windowTop(oy);
        y0 = win.rowFrom(oy);
        y1 = win.rowTo(oy);
    }

    /** The first input value of image cell (iy, ix) of this sample. */
    int input(int iy, int ix) {
        return base + (iy * win.inW() + ix) * channels;
    }

    /** The first weight of the kernel tap over image cell (iy, ix), in a [kernelH][kernelW][channels] kernel. */
    int tap(int iy, int ix) {
        return ((iy - top) * win.kernelW() + ix - left) * channels;
    }
}
