package io.tinymlaas.ops;

import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/** Pooling and reshape: their outputs are input values, so they keep the input's quantization; only a clamp is prepared. */
abstract class ValueKeepingKernel implements OpKernel {
    @Override
    public OutputQuantization output() {
        return OutputQuantization.INHERITED;
    }

    @Override
    public Int8Params prepare(Op stored, TensorSpec in, TensorSpec out) {
        return TflmPrepare.clamped(stored, out);
    }
}
