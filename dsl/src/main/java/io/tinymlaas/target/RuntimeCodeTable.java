package io.tinymlaas.target;

import io.tinymlaas.ops.OpKind;

/**
 * Runtime code sizes from a table, for when the firmware cannot be compiled here.
 *
 * <p>The Thumb-2 figures were measured by {@link MeasuredRuntimeCode} on firmware/runtime (issue 14,
 * arm-none-eabi-gcc 12.2.1, {@code -O2 -mthumb -ffunction-sections}, .text + .rodata) twice: for a
 * core without the DSP extension (cortex-m3: the portable kernels, {@link OpKind#thumb2Bytes()}) and
 * with it (cortex-m4: the DSP kernels, tm_*_dsp.c, which the firmware links instead of the portable
 * ones, here, and their shared dot loop in the core). Each kernel is its own function's section; the
 * core is everything else, including the fixed-point exp and reciprocal that softmax calls. Other
 * instruction sets scale the portable figures by {@link Core#codeDensity()}. Re-measure when the
 * runtime changes.
 */
public final class RuntimeCodeTable implements RuntimeCode {
    private static final long CORE_THUMB2 = 8_348;
    private static final long CORE_THUMB2_DSP = 8_920;

    private final Core core;

    public RuntimeCodeTable(Core core) {
        this.core = core;
    }

    /** The DSP kernel of a kind; reshape and softmax have one kernel for both sets. */
    private static long thumb2DspBytes(OpKind kind) {
        return switch (kind) {
            case CONV_2D -> 2_156;
            case DEPTHWISE_CONV_2D -> 1_372;
            case FULLY_CONNECTED -> 700;
            case MAX_POOL_2D -> 696;
            case AVERAGE_POOL_2D -> 744;
            default -> kind.thumb2Bytes();
        };
    }

    @Override
    public long kernelBytes(OpKind kind) {
        return core.dsp() ? thumb2DspBytes(kind) : Math.round(kind.thumb2Bytes() * core.codeDensity());
    }

    @Override
    public long coreBytes() {
        return core.dsp() ? CORE_THUMB2_DSP : Math.round(CORE_THUMB2 * core.codeDensity());
    }

    @Override
    public String source() {
        return core.dsp() ? "table: firmware/runtime measured for Thumb-2 -O2, DSP kernels"
                : "table: firmware/runtime measured for Thumb-2 -O2, portable kernels"
                + (core.codeDensity() == 1.0 ? "" : ", x " + core.codeDensity() + " for " + core.label());
    }
}
