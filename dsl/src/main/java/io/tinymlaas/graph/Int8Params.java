package io.tinymlaas.graph;

/**
 * An int8 op's constants, as TFLite stores them and as TFLM prepares them, so that the Java
 * reference, the generated C, the model blob and a .tflite file all read the same numbers.
 *
 * <ul>
 *   <li>{@code weights}: int8, zero point 0. CONV_2D: OHWI; DEPTHWISE_CONV_2D: 1HWC;
 *       FULLY_CONNECTED: [out][in]. Empty for the other ops.</li>
 *   <li>{@code weightScales}: the float scale of each output channel of {@code weights}
 *       (symmetric per channel), or one for the whole tensor (dense weights per tensor); empty
 *       when unknown (hand-made test graphs) or without weights. A .tflite stores these.</li>
 *   <li>{@code bias}: int32 per output channel (scale input_scale · weightScales[c]); empty when none.</li>
 *   <li>{@code multipliers}/{@code shifts}: derived as TFLM does at load time
 *       ({@code io.tinymlaas.ops.TflmPrepare}), QuantizeMultiplier of
 *       {@code (double) inputScale · (double) weightScales[c] / (double) outputScale}, per output
 *       channel for conv, depthwise and fully connected; one entry for fully connected weights per
 *       tensor, from {@code (double) (inputScale · weightScales[0]) / (double) outputScale}. SOFTMAX: one entry, input_multiplier and
 *       input_left_shift. Empty for pooling and reshape.</li>
 *   <li>{@code activationMin}/{@code activationMax}: the int8 clamp of the fused activation
 *       (-128..127 when none).</li>
 *   <li>{@code diffMin}: SOFTMAX only (CalculateInputRadius), 0 otherwise.</li>
 * </ul>
 */
public record Int8Params(byte[] weights, float[] weightScales, int[] bias, int[] multipliers, int[] shifts,
                         int activationMin, int activationMax, int diffMin) implements OpParams {
    /** An op without constants (pooling, reshape): the full int8 range as its clamp. */
    public static final Int8Params NONE = new Int8Params(new byte[0], new float[0], new int[0], new int[0], new int[0],
            -128, 127, 0);

    /** Bytes of weights and biases. */
    public int parameterBytes() {
        return weights.length + 4 * bias.length;
    }
}
