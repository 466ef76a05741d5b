package io.tinymlaas.target;

import io.tinymlaas.ops.OpKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * Flash taken by the project's C runtime ({@code firmware/runtime}) on one architecture: one
 * kernel per op kind plus the core every model needs (interpreter, blob loader and checks,
 * requantization arithmetic, serial protocol, COBS, CRC).
 *
 * <p>This is the hook for measured figures: {@link MeasuredRuntimeCode#measure} compiles the
 * runtime for the target's architecture and reads its section sizes; a target takes them with
 * {@link Target#withRuntimeCode(RuntimeCode)}. Without a compiler, {@link RuntimeCodeTable}.
 */
public interface RuntimeCode {

    /** Bytes of code and read-only data of the kernel that runs {@code kind}. */
    long kernelBytes(OpKind kind);

    /** Bytes of the runtime every model links, whatever its ops. */
    long coreBytes();

    /** Where the figures come from, shown in reports. */
    String source();

    /**
     * The kernels a firmware running a model with {@code used} ops links. The interpreter
     * ({@code tm_interp.c}) finds each kernel in the op table ({@code tm_ops.c}), which names every kernel, so the linker keeps
     * all of them whatever the model uses; a build that registered only the model's kernels would
     * return {@code used} here.
     */
    default Set<OpKind> linkedKernels(Set<OpKind> used) {
        return EnumSet.allOf(OpKind.class);
    }
}
