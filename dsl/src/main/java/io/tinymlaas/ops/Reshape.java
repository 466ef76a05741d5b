package io.tinymlaas.ops;

import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/** RESHAPE: the same bytes under another shape (NHWC row-major); scale and zero point are unchanged. */
public final class Reshape extends ValueKeepingKernel {

    @Override
    public void eval(Op op, TensorSpec in, TensorSpec out, byte[] input, byte[] output) {
        if (in.bytes() != out.bytes()) {
            throw new IllegalArgumentException(op.name() + ": cannot reshape " + in.shape() + " to " + out.shape());
        }
        System.arraycopy(input, 0, output, 0, in.bytes());
    }
}
