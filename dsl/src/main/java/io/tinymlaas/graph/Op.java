package io.tinymlaas.graph;

/**
 * One operator of a {@link Graph}: it reads tensor {@code input} and writes tensor {@code output}
 * (indices into the graph's tensors), slides {@code window} when it is a convolution or pooling,
 * clamps with {@code activation} fused, and holds its constants, float or int8.
 *
 * <p>How the int8 reference kernels ({@code io.tinymlaas.ops}) use the numbers of
 * {@link Int8Params}, for a port that must give the same bytes:
 * <ul>
 *   <li>Offsets as TFLM names them: input_offset = −input zero point, output_offset = +output zero point.</li>
 *   <li>Conv, depthwise, fully connected: {@code acc} (int32, wrapping) = Σ w · (x + input_offset)
 *       over in-bounds cells only, + bias[c]; then
 *       {@code MultiplyByQuantizedMultiplier(acc, multipliers[c], shifts[c])} with double rounding;
 *       + output_offset; then {@code max(acc, activationMin)} and then
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
 *       output scale 1/256, zero point −128.</li>
 * </ul>
 */
public record Op(OpType kind, String name, int input, int output, Window window, FusedActivation activation,
                 OpParams params) {

    /** An int8 op with every number given, as tests and readers of stored graphs make them. */
    public Op(OpType kind, String name, int input, int output, Window window, byte[] weights, int[] bias,
              int[] multipliers, int[] shifts, int activationMin, int activationMax, int diffMin) {
        this(kind, name, input, output, window, FusedActivation.NONE,
                new Int8Params(weights, new float[0], bias, multipliers, shifts, activationMin, activationMax, diffMin));
    }

    public boolean isQuantized() {
        return params instanceof Int8Params;
    }

    /** The int8 constants; refused for a float op. */
    public Int8Params int8() {
        if (params instanceof Int8Params p) {
            return p;
        }
        throw new IllegalStateException("op " + name + " is float32: quantize the model to run it in int8");
    }

    /** The float constants; refused for an int8 op. */
    public FloatParams floats() {
        if (params instanceof FloatParams p) {
            return p;
        }
        throw new IllegalStateException("op " + name + " is int8: it holds no float weights");
    }

    /** Whether the op adds a bias (sizing): the int8 bias array, or every float op with weights. */
    public boolean hasBias() {
        return params instanceof Int8Params p ? p.bias().length > 0 : kind.isWeighted();
    }

    public byte[] weights() {
        return int8().weights();
    }

    public int[] bias() {
        return int8().bias();
    }

    public int[] multipliers() {
        return int8().multipliers();
    }

    public int[] shifts() {
        return int8().shifts();
    }

    public int activationMin() {
        return int8().activationMin();
    }

    public int activationMax() {
        return int8().activationMax();
    }

    public int diffMin() {
        return int8().diffMin();
    }
}
