package io.tinymlaas.nn;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Window;

/**
 * A layer that slides a {@link Window2D} over an (height, width, channels) input: the
 * convolutions and the poolings. Holds the window and the input's channel count, and answers the
 * window's settings once for all of them.
 */
abstract class WindowedLayer extends Layer {
    final Window2D win;
    /** Channels of the input. */
    final int channels;

    WindowedLayer(String name, Shape input, int outChannels, Window2D win) {
        super(name, input, Shape.of(win.outH(), win.outW(), outChannels));
        this.win = win;
        this.channels = input.dim(2);
    }

    public final int kernelH() {
        return win.kernelH();
    }

    public final int kernelW() {
        return win.kernelW();
    }

    public final int strideH() {
        return win.strideH();
    }

    public final int strideW() {
        return win.strideW();
    }

    public final Padding padding() {
        return win.padding();
    }

    /** The window as a graph op holds it: TFLite's SAME padding resolved to top/left offsets. */
    final Window window() {
        return new Window(win.kernelH(), win.kernelW(), win.strideH(), win.strideW(), win.padTop(), win.padLeft(),
                win.padding() == Padding.SAME);
    }
}
