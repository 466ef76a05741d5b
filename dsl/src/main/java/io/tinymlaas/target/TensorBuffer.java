package io.tinymlaas.target;

/**
 * A tensor the arena must hold: its id (the graph's tensor index), its size, and the ops during
 * which it must stay: from the op that writes it ({@code firstOp}) to the last op that reads it
 * ({@code lastOp}), both included.
 */
public record TensorBuffer(int id, long bytes, int firstOp, int lastOp) {
    public TensorBuffer {
        if (bytes < 0 || firstOp > lastOp) {
            throw new IllegalArgumentException("tensor " + id + ": " + bytes + " bytes living from op "
                    + firstOp + " to op " + lastOp + " is not a buffer");
        }
    }

    boolean overlapsInTime(TensorBuffer other) {
        return firstOp <= other.lastOp && other.firstOp <= lastOp;
    }
}
