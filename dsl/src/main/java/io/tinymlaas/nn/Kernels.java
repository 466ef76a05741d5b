package io.tinymlaas.nn;

/** Which compute kernels this JVM runs, for benchmarks and bug reports. */
public final class Kernels {
    private Kernels() {
    }

    /** E.g. "vector (16 lanes)" with the Vector API, "scalar" without. */
    public static String describe() {
        return "matrix kernel: " + MatMul.INSTANCE.describe();
    }
}
