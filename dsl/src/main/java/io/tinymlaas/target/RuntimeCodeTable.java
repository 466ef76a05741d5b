package io.tinymlaas.target;

import io.tinymlaas.quant.OpKind;

/**
 * Runtime code sizes from a documented table, for when the firmware cannot be compiled here.
 *
 * <p>Figures are estimates for TFLM-style int8 reference kernels in C compiled with
 * {@code arm-none-eabi-gcc -Os -mthumb -mcpu=cortex-m4}: a kernel is its loops plus argument
 * unpacking and the per-channel requantization call; softmax carries the fixed-point exp and
 * reciprocal. They are scaled by {@link Core#codeDensity()} for other instruction sets. Replace
 * them with measured sizes of firmware/ once it builds (see {@link RuntimeCode}).
 */
public final class RuntimeCodeTable implements RuntimeCode {
    private static final long CORE_THUMB2 = 3_000;   // interpreter, blob loader, protocol + CRC, requantize

    private final Core core;

    public RuntimeCodeTable(Core core) {
        this.core = core;
    }

    private static long thumb2Bytes(OpKind kind) {
        return switch (kind) {
            case CONV_2D -> 1_400;            // 7 nested loops, padding checks, per-channel requantize
            case DEPTHWISE_CONV_2D -> 1_300;
            case FULLY_CONNECTED -> 700;
            case MAX_POOL_2D -> 500;
            case AVERAGE_POOL_2D -> 560;      // + rounding division
            case RESHAPE -> 60;               // a copy, or nothing when in place
            case SOFTMAX -> 1_400;            // exp_on_negative_values, one_over_one_plus_x
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
        return "table: Thumb-2 -Os estimate x " + core.codeDensity() + " for " + core.label();
    }
}
