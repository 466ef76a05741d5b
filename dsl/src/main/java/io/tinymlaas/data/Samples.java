package io.tinymlaas.data;

/**
 * Where a dataset's inputs live. Datasets of images keep their bytes (a quarter of the memory of
 * floats) and scale each sample to [0, 1] when it is copied into a batch.
 */
sealed interface Samples {

    Shape shape();

    /** How many samples: the stored values over {@code shape.size()}, a partial last sample dropped. */
    int count();

    /** Writes sample {@code i}'s {@code shape.size()} floats into {@code dst} from {@code offset}. */
    void copy(int i, float[] dst, int offset);

    /** Whether every value is finite by construction (bytes): then nobody needs to look. */
    default boolean alwaysFinite() {
        return false;
    }

    static Samples ofUnsignedBytes(Shape shape, byte[] data) {
        return new UnsignedBytes(shape, data.length / shape.size(), data);
    }

    static Samples ofFloats(Shape shape, float[] data) {
        return new Floats(shape, data.length / shape.size(), data);
    }

    /** Unsigned bytes, scaled by 1/255. */
    record UnsignedBytes(Shape shape, int count, byte[] data) implements Samples {
        @Override
        public void copy(int i, float[] dst, int offset) {
            int size = shape.size();
            int from = i * size;
            for (int k = 0; k < size; k++) {
                dst[offset + k] = (data[from + k] & 0xff) * (1f / 255f);
            }
        }

        @Override
        public boolean alwaysFinite() {
            return true;
        }
    }

    record Floats(Shape shape, int count, float[] data) implements Samples {
        @Override
        public void copy(int i, float[] dst, int offset) {
            int size = shape.size();
            System.arraycopy(data, i * size, dst, offset, size);
        }
    }
}
