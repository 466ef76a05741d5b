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

    /** No multipliers: the stored numbers and the clamp of the fused activation. */
    @Override
    public Int8Params prepare(Op stored, TensorSpec in, TensorSpec out) {
        Int8Params p = stored.int8();
        int[] range = TflmParams.activationRange(stored.activation(), out.scale(), out.zeroPoint());
        return new Int8Params(p.weights(), p.weightScales(), p.bias(), new int[0], new int[0], range[0], range[1], 0);
    }
}
