package io.tinymlaas.target;

import io.tinymlaas.graph.OpKind;

/**
 * Runtime code sizes from a table, for when the firmware cannot be compiled here.
 *
 * <p>The Thumb-2 figures ({@link OpKind#thumb2Bytes()} for the kernels) were measured by {@link MeasuredRuntimeCode} on firmware/runtime at
 * firmware branch commit 88bf7aa, the core re-measured with the protocol server's built-in model
 * (tm_server_use_model, branch size-check) (arm-none-eabi-gcc 12.2.1, {@code -Os -mcpu=cortex-m4 -mthumb -ffunction-sections},
 * .text + .rodata): each kernel is its own function's section; the core is everything else,
 * including the fixed-point exp and reciprocal that softmax calls. Other instruction sets scale
 * them by {@link Core#codeDensity()}. Re-measure when the runtime changes.
 */
public final class RuntimeCodeTable implements RuntimeCode {
    private static final long CORE_THUMB2 = 6_597;

    private final Core core;

    public RuntimeCodeTable(Core core) {
        this.core = core;
    }

    @Override
    public long kernelBytes(OpKind kind) {
        return Math.round(kind.thumb2Bytes() * core.codeDensity());
    }

    @Override
    public long coreBytes() {
        return Math.round(CORE_THUMB2 * core.codeDensity());
    }

    @Override
    public String source() {
        return "table: firmware/runtime measured for Thumb-2 -Os" + (core.codeDensity() == 1.0 ? ""
                : ", x " + core.codeDensity() + " for " + core.label());
    }
}
