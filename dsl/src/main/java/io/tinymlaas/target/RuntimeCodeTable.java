package io.tinymlaas.target;

import io.tinymlaas.quant.OpKind;

/**
 * Runtime code sizes from a table, for when the firmware cannot be compiled here.
 *
 * <p>The Thumb-2 figures were measured by {@link MeasuredRuntimeCode} on firmware/runtime at
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

    private static long thumb2Bytes(OpKind kind) {
        return switch (kind) {
            case CONV_2D -> 376;
            case DEPTHWISE_CONV_2D -> 320;
            case FULLY_CONNECTED -> 134;
            case MAX_POOL_2D -> 286;
            case AVERAGE_POOL_2D -> 328;
            case RESHAPE -> 28;
            case SOFTMAX -> 288;
        };
    }

    @Override
    public long kernelBytes(OpKind kind) {
        return Math.round(thumb2Bytes(kind) * core.codeDensity());
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
