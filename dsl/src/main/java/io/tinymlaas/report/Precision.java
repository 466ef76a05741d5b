package io.tinymlaas.report;

/**
 * How a model's numbers are stored: what one weight, bias and activation element cost, and the
 * per-element work around the multiply-accumulates.
 */
public enum Precision {
    /** Per-channel int8 as TFLM runs it: int8 weights and activations, int32 biases. */
    INT8("int8", 1, 1,
            // MultiplyByQuantizedMultiplier per output: 64-bit multiply, rounding doubling, shift,
            // zero point, clamp: ~8 element operations.
            8,
            // Fixed-point softmax per element: max pass, exp_on_negative_values (~25 ops), sum,
            // one_over_one_plus_x and the final scaling: ~40.
            40),
    /** float32 everywhere, as the model trains. */
    FLOAT32("float32", 4, 4,
            2,    // bias add and activation clamp per output
            30);  // expf (~20 FPU ops), max, sum and division per element

    private final String label;
    private final int weightBytes;
    private final int activationBytes;
    private final int opsPerOutput;
    private final int softmaxOpsPerElement;

    Precision(String label, int weightBytes, int activationBytes, int opsPerOutput, int softmaxOpsPerElement) {
        this.label = label;
        this.weightBytes = weightBytes;
        this.activationBytes = activationBytes;
        this.opsPerOutput = opsPerOutput;
        this.softmaxOpsPerElement = softmaxOpsPerElement;
    }

    public String label() {
        return label;
    }

    public int weightBytes() {
        return weightBytes;
    }

    /** Bias elements are int32 in int8 models and float32 in float models: four bytes either way. */
    public int biasBytes() {
        return 4;
    }

    public int activationBytes() {
        return activationBytes;
    }

    int opsPerOutput() {
        return opsPerOutput;
    }

    int softmaxOpsPerElement() {
        return softmaxOpsPerElement;
    }

    /** The other precision, shown beside this one. */
    public Precision other() {
        return this == INT8 ? FLOAT32 : INT8;
    }

    @Override
    public String toString() {
        return label;
    }
}
