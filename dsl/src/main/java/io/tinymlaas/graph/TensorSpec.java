package io.tinymlaas.graph;

import io.tinymlaas.data.Shape;

/**
 * One activation tensor of a {@link Graph}: its shape (NHWC order, no batch dimension), element
 * type and, for an integer tensor, its quantization (per tensor: real = scale · (q − zeroPoint)).
 */
public record TensorSpec(String name, Shape shape, DType dtype, Quantization quantization) {
    public TensorSpec {
        if ((dtype == DType.FLOAT32) != (quantization == null)) {
            throw new IllegalArgumentException("tensor " + name + ": a " + dtype + " tensor "
                    + (dtype == DType.FLOAT32 ? "has no quantization" : "needs a quantization"));
        }
    }

    /** An int8 tensor quantized per tensor. */
    public TensorSpec(String name, Shape shape, float scale, int zeroPoint) {
        this(name, shape, DType.INT8, Quantization.perTensor(scale, zeroPoint));
    }

    public static TensorSpec float32(String name, Shape shape) {
        return new TensorSpec(name, shape, DType.FLOAT32, null);
    }

    public boolean isQuantized() {
        return quantization != null;
    }

    /** Scale of a quantized tensor. */
    public float scale() {
        return requireQuantized().scale();
    }

    /** Zero point of a quantized tensor. */
    public int zeroPoint() {
        return requireQuantized().zeroPoint();
    }

    public int elements() {
        return shape.size();
    }

    public int bytes() {
        return shape.size() * dtype.bytes();
    }

    /** The same tensor with another shape (sizing what-ifs). */
    public TensorSpec withShape(Shape other) {
        return new TensorSpec(name, other, dtype, quantization);
    }

    private Quantization requireQuantized() {
        if (quantization == null) {
            throw new IllegalStateException("tensor " + name + " is " + dtype + ": it has no scale or zero point;"
                    + " quantize the model first");
        }
        return quantization;
    }
}
