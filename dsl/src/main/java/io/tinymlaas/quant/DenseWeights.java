package io.tinymlaas.quant;

/**
 * How dense (FULLY_CONNECTED) weights are quantized. Conv and depthwise weights are always per
 * channel, as TFLite's converter writes them.
 */
public enum DenseWeights {
    /**
     * One scale per output unit (the default): the most accurate, and TFLM (its per-channel
     * FULLY_CONNECTED) and TFLite 2.x run it. Exported with quantized_dimension 0. A layer of one
     * unit has one scale either way, and TFLM then takes its per-tensor path, as we do.
     */
    PER_CHANNEL,
    /**
     * One scale for the whole weight matrix, as TensorFlow's converter quantizes dense layers by
     * default; for runtimes that accept only that (older TFLM releases, some accelerators' compilers).
     */
    PER_TENSOR
}
