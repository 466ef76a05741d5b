package io.tinymlaas.quant;

/**
 * One operator of a quantized graph with every parameter the runtime needs already computed,
 * so that the Java reference, the generated C and the model blob all read the same numbers.
 *
 * <ul>
 *   <li>{@code weights}: int8, zero point 0. CONV_2D: OHWI; DEPTHWISE_CONV_2D: 1HWC;
 *       FULLY_CONNECTED: [out][in]. Empty for the other ops.</li>
 *   <li>{@code bias}: int32 per output channel (scale input_scale * weight_scale[c]); empty when none.</li>
 *   <li>{@code multipliers}/{@code shifts}: from QuantizeMultiplier, per output channel for
 *       conv, depthwise and fully connected. SOFTMAX: one entry, input_multiplier and
 *       input_left_shift. Empty for pooling and reshape.</li>
 *   <li>{@code activationMin}/{@code activationMax}: the int8 clamp of the fused activation
 *       (-128..127 when none).</li>
 *   <li>{@code diffMin}: SOFTMAX only (CalculateInputRadius), 0 otherwise.</li>
 * </ul>
 * Input and output zero points and shapes come from the graph's tensors at {@code input} and {@code output}.
 */
public record Int8Op(OpKind kind, String name, int input, int output, Window window,
                     byte[] weights, int[] bias, int[] multipliers, int[] shifts,
                     int activationMin, int activationMax, int diffMin) {
}
