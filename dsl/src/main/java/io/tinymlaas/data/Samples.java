package io.tinymlaas.data;

/**
 * Where a dataset's inputs live. Datasets of images keep their bytes (a quarter of the memory of
 * floats) and scale each sample to [0, 1] when it is copied into a batch.
 */
abstract class Samples {
    private final Shape shape;
    private final int count;

    Samples(Shape shape, int count) {
        this.shape = shape;
        this.count = count;
    }

    final Shape shape() {
        return shape;
    }

    final int count() {
        return count;
    }

    /** Writes sample {@code i}'s {@code shape.size()} floats into {@code dst} from {@code offset}. */
    abstract void copy(int i, float[] dst, int offset);

    /** Whether every value is finite by construction (bytes): then nobody needs to look. */
    boolean alwaysFinite() {
        return false;
    }

    /** Unsigned bytes, scaled by 1/255. */
    static Samples ofUnsignedBytes(Shape shape, byte[] data) {
        int size = shape.size();
        return new Samples(shape, data.length / size) {
            @Override
            void copy(int i, float[] dst, int offset) {
                int from = i * size;
                for (int k = 0; k < size; k++) {
                    dst[offset + k] = (data[from + k] & 0xff) * (1f / 255f);
                }
            }

            @Override
            boolean alwaysFinite() {
                return true;
            }
        };
    }

    static Samples ofFloats(Shape shape, float[] data) {
        int size = shape.size();
        return new Samples(shape, data.length / size) {
            @Override
            void copy(int i, float[] dst, int offset) {
                System.arraycopy(data, i * size, dst, offset, size);
            }
        };
    }
}
