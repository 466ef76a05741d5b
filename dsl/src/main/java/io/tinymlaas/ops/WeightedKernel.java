package io.tinymlaas.ops;

import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/** Conv, depthwise and fully connected: a calibrated output, multipliers from the input, weight and output scales. */
abstract class WeightedKernel implements OpKernel, TfliteForm {
    @Override
    public OutputQuantization output() {
        return OutputQuantization.CALIBRATED;
    }

    @Override
    public Int8Params prepare(Op stored, TensorSpec in, TensorSpec out) {
        return TflmPrepare.weighted(stored, in, out);
    }

    /** Refuses a dilated convolution: the kernels slide with dilation 1. */
    static void requireDilation1(TfliteOpReader r, int h, int w) {
        if (h != 1 || w != 1) {
            throw r.refused(r.label() + " has dilation " + h + "x" + w + ": only dilation 1 imports");
        }
    }
}
