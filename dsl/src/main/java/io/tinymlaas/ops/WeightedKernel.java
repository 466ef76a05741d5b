package io.tinymlaas.ops;

import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/** Conv, depthwise and fully connected: a calibrated output, multipliers from the input, weight and output scales. */
abstract class WeightedKernel implements OpKernel {
    @Override
    public OutputQuantization output() {
        return OutputQuantization.CALIBRATED;
    }

    @Override
    public Int8Params prepare(Op stored, TensorSpec in, TensorSpec out) {
        return TflmPrepare.weighted(stored, in, out);
    }
}
