package io.tinymlaas.graph;

/** The element type of a graph tensor, with its size in bytes. */
public enum DType {
    FLOAT32(4), INT8(1), INT32(4);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
