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
 *
 * <p>How the reference kernels ({@code io.tinymlaas.quant.kernels}, one class per kind) use these
 * numbers, for a port that must give the same bytes:
 * <ul>
 *   <li>Offsets as TFLM names them: input_offset = −input zero point, output_offset = +output zero point.</li>
 *   <li>Conv, depthwise, fully connected: {@code acc} (int32, wrapping) = Σ w · (x + input_offset)
 *       over in-bounds cells only, + bias[c]; then
 *       {@code MultiplyByQuantizedMultiplier(acc, multipliers[c], shifts[c])} with double rounding
 *       ({@link TflmArith}); + output_offset; then {@code max(acc, activationMin)} and then
 *       {@code min(acc, activationMax)}; the int8 cast last.</li>
 *   <li>Windows: {@code in_y = out_y · strideH − padTop + filter_y}, likewise x; dilation 1;
 *       depthwise output channel c reads input channel c only.</li>
 *   <li>Max pool: max over in-bounds cells starting from −128, then the same clamp. Average pool:
 *       int32 sum over in-bounds cells, divided by their count as
 *       {@code acc > 0 ? (acc + n/2)/n : (acc − n/2)/n} with C truncating division, then the clamp.
 *       Both keep the input's scale and zero point; their clamp is −128..127.</li>
 *   <li>Reshape: a byte copy.</li>
 *   <li>Softmax: over the last dimension, TFLM's reference_ops::Softmax with
 *       input_multiplier = multipliers[0], input_left_shift = shifts[0], diff_min = diffMin;
 *       output scale 1/256, zero point −128 ({@link io.tinymlaas.quant.kernels.Softmax}).</li>
 * </ul>
 */
public record Int8Op(OpKind kind, String name, int input, int output, Window window,
                     byte[] weights, int[] bias, int[] multipliers, int[] shifts,
                     int activationMin, int activationMax, int diffMin) {
}
