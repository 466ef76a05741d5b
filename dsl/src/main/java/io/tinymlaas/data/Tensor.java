package io.tinymlaas.data;

import io.tinymlaas.Displayable;

import java.util.Arrays;

/**
 * One sample's float values with their {@link Shape} (NHWC without the batch for images).
 * {@link #data()} is the backing array, not a copy: tensors are cheap views to hand around, and
 * whoever changes the array changes the tensor.
 */
public final class Tensor implements Displayable {
    private final Shape shape;
    private final float[] data;

    private Tensor(Shape shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** A tensor over {@code data} (not copied), which must hold exactly {@code shape.size()} values. */
    public static Tensor of(Shape shape, float... data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
        return new Tensor(shape, data);
    }

    /** A zero tensor. */
    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    /** The backing array, row-major (HWC for images). */
    public float[] data() {
        return data;
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return data.length;
    }

    /** The value at row-major index {@code i}. */
    public float get(int i) {
        return data[i];
    }

    /** Index of the largest value (the predicted class of a score vector). */
    public int argmax() {
        int best = 0;
        for (int i = 1; i < data.length; i++) {
            if (data[i] > data[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The same values seen with another shape of the same size (HWC order kept). */
    public Tensor reshape(Shape other) {
        if (other.size() != shape.size()) {
            throw new IllegalArgumentException("cannot reshape " + shape + " (" + shape.size()
                    + " values) to " + other + " (" + other.size() + " values)");
        }
        return new Tensor(other, data);
    }

    /** A grey or colour image of this tensor, see {@link Images#toImage(Tensor)}. */
    public java.awt.image.BufferedImage toImage() {
        return Images.toImage(this);
    }

    /** Images show as a picture; other tensors as their values. */
    @Override
    public byte[] toPng() {
        return Images.isImage(shape) ? Images.png(Images.toImage(this), 4) : null;
    }

    @Override
    public String toHtml() {
        return Images.isImage(shape) ? null : "<code>Tensor" + shape + " " + this + "</code>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.shape.equals(shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    /** Shape and up to the first 10 values. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Tensor").append(shape).append(" [");
        for (int i = 0; i < Math.min(10, data.length); i++) {
            s.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return s.append(data.length > 10 ? ", ...]" : "]").toString();
    }
}
