package io.tinymlaas.quant;

/**
 * How dense (FULLY_CONNECTED) weights are quantized. Conv and depthwise weights are always per
 * channel, as TFLite's converter writes them.
 */
public enum DenseWeights {
    /**
     * One scale per output unit (the default): the most accurate, and what TFLM (since 2023) and
     * TFLite 2.x run. Exported with quantized_dimension 0.
     */
    PER_CHANNEL,
    /**
     * One scale for the whole weight matrix, as TensorFlow's converter quantizes dense layers by
     * default; for runtimes that accept only that (older TFLM releases, some accelerators' compilers).
     */
    PER_TENSOR
}
