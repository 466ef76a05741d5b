package io.tinymlaas.target;

/**
 * The processor core of a board, with the figures a latency and code-size estimate needs.
 *
 * <p>Cycle figures are for the kernels the firmware links on that core ({@link #dsp()}): the DSP
 * kernels (firmware/runtime/tm_*_dsp.c: SMLAD on pairs of 16-bit lanes) where the core has the
 * Armv7E-M DSP extension, else the project's plain C reference kernels (TFLM-style loops, no SIMD,
 * no CMSIS-NN/ESP-NN), compiled with -O2. The Cortex-M4 figures with DSP are fitted to QEMU
 * instruction counts ({@code ./tinyml bench device}, issue 14: the tutorial CNN and MLP), one
 * instruction taken as one cycle (a real M4 adds a cycle per load and taken branch: count ~20 %
 * more). Elsewhere an int8 MAC is two sign-extending byte loads, an offset add, a multiply-accumulate
 * and the index/loop arithmetic; a float MAC two word loads and a fused multiply-add on an FPU, or
 * two libgcc soft-float calls without one: estimates, treat latencies as ±50%.
 *
 * <p>{@code codeDensity} scales the runtime's code size measured for Thumb-2 (1.0) to this
 * instruction set. Measured with {@link MeasuredRuntimeCode} on firmware/runtime (firmware branch
 * 88bf7aa, gcc 12.2 -Os, 8311 bytes on Cortex-M4): Cortex-M0+ 1.03, Cortex-M7 1.0, x86-64 1.28.
 * Estimated where we have no compiler: Xtensa's 24-bit instructions with the density option
 * 1.1, AVR 2.0 (every 32-bit operation is four 8-bit ones).
 */
public enum Core {
    // Cortex-M0+ (ARMv6-M): single-cycle 32x32 multiplier (RP2040 option), 2-cycle loads, no
    // post-increment addressing, no FPU: float through libgcc (~40 cycles a multiply or add).
    CORTEX_M0PLUS("Arm Cortex-M0+", false, 10, 40, 5, 80, 1.03, 1024),
    // Cortex-M4F (ARMv7E-M with DSP): the DSP kernels, SMLAD = two MACs, SXTB16 widens two bytes;
    // single-precision FPU (VFMA 3 cycles, pipelined with loads). 1.4 a MAC and 73 an output: the
    // conv and dense layers of the CNN and MLP on qemu-m4 (issue 14, after the five-row loop).
    CORTEX_M4F("Arm Cortex-M4F", true, 1.4, 73, 3, 6, 1.0, 1024),
    // Cortex-M7 (DSP extension): dual-issue 6-stage pipeline, caches/TCM: roughly twice the M4 per clock.
    CORTEX_M7("Arm Cortex-M7", true, 0.7, 36, 1.5, 3, 1.0, 1024),
    // Xtensa LX6 (ESP32): MULL 32-bit multiply, L8UI + SEXT for signed bytes, zero-overhead loops,
    // single-precision FPU (MADD.S). Register windows spill 16 bytes a call: bigger stacks.
    XTENSA_LX6("Xtensa LX6", false, 5, 24, 3, 6, 1.1, 3584),
    // Xtensa LX7 (ESP32-S3): as LX6 for scalar C code; its PIE SIMD needs ESP-NN, which we do not use.
    XTENSA_LX7("Xtensa LX7", false, 4, 20, 2.5, 5, 1.1, 3584),
    // AVR (ATmega328P): 8-bit, 2-cycle MULS; an int32 accumulate is four ADC; 16 MHz; soft-float
    // costs ~120-160 cycles per multiply or add (avr-libc).
    AVR("AVR 8-bit", false, 20, 64, 8, 280, 2.0, 256),
    // A desktop x86-64 core: out-of-order, several operations a cycle even without vectorisation.
    X86_64("x86-64", false, 0.5, 4, 0.5, 0.5, 1.28, 8192);

    private final String label;
    private final boolean dsp;
    private final double cyclesPerInt8Mac;
    private final double cyclesPerInt8Output;
    private final double cyclesPerElementOp;
    private final double cyclesPerFloatMac;
    private final double codeDensity;
    private final int stackBytes;

    Core(String label, boolean dsp, double cyclesPerInt8Mac, double cyclesPerInt8Output, double cyclesPerElementOp,
         double cyclesPerFloatMac, double codeDensity, int stackBytes) {
        this.label = label;
        this.dsp = dsp;
        this.cyclesPerInt8Mac = cyclesPerInt8Mac;
        this.cyclesPerInt8Output = cyclesPerInt8Output;
        this.cyclesPerElementOp = cyclesPerElementOp;
        this.cyclesPerFloatMac = cyclesPerFloatMac;
        this.codeDensity = codeDensity;
        this.stackBytes = stackBytes;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the core has the Armv7E-M DSP extension (__ARM_FEATURE_DSP): the firmware then links
     * the DSP kernels instead of the portable ones, and the figures here are theirs.
     */
    public boolean dsp() {
        return dsp;
    }

    /** The int8 kernels the figures assume, for reports: "DSP kernels" or "portable C kernels". */
    public String kernels() {
        return dsp ? "DSP kernels (SMLAD)" : "portable C kernels";
    }

    public double cyclesPerInt8Mac() {
        return cyclesPerInt8Mac;
    }

    /**
     * One output of an int8 conv, depthwise or dense layer beyond its MACs: requantization (a 64-bit
     * multiply, two roundings, zero point, clamp) and the dot product's set-up. Portable cores: the
     * requantization's 8 element operations. Cortex-M4 with DSP: fitted to the CNN and MLP on qemu-m4.
     */
    public double cyclesPerInt8Output() {
        return cyclesPerInt8Output;
    }

    /** One comparison, copy, add or clamp on an activation element (pooling, reshape, requantize). */
    public double cyclesPerElementOp() {
        return cyclesPerElementOp;
    }

    public double cyclesPerFloatMac() {
        return cyclesPerFloatMac;
    }

    /** Code size relative to Thumb-2 for the same C. */
    public double codeDensity() {
        return codeDensity;
    }

    /**
     * Stack our runtime needs: protocol handler, interpreter loop and one kernel deep, no
     * recursion, no large locals: an estimate of well under 1 KB on Thumb-2, rounded up to the
     * usual 1 KB minimum; on ESP-IDF the main task's default stack (CONFIG_ESP_MAIN_TASK_STACK_SIZE).
     */
    public int stackBytes() {
        return stackBytes;
    }
}
