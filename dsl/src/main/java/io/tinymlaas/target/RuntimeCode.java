package io.tinymlaas.target;

import io.tinymlaas.quant.OpKind;

/**
 * Flash taken by the project's C runtime on one architecture: one kernel per op kind (linked only
 * when the model uses it) plus the core every model needs (interpreter loop, model-blob loader,
 * requantization helpers, serial protocol).
 *
 * <p>This is the hook for measured figures: an implementation that compiles {@code firmware/}
 * for the target's architecture and reads the section sizes replaces the documented
 * {@link RuntimeCodeTable} through {@link Target.Builder#runtimeCode(RuntimeCode)}.
 */
public interface RuntimeCode {

    /** Bytes of code and read-only data of the kernel that runs {@code kind}. */
    long kernelBytes(OpKind kind);

    /** Bytes of the runtime every model links, whatever its ops. */
    long coreBytes();

    /** Where the figures come from, shown in reports ("table: Thumb-2 estimate x 1.1"). */
    String source();
}
