package io.tinymlaas.quant;

import io.tinymlaas.data.Shape;

/**
 * One int8 activation tensor of a quantized graph: real = scale * (q - zeroPoint).
 * Its bytes are shape.size() int8 values in NHWC order.
 */
public record TensorSpec(String name, Shape shape, float scale, int zeroPoint) {
    public int bytes() {
        return shape.size();
    }
}
