package io.tinymlaas.quant;

import io.tinymlaas.quant.arith.TflmArith;

/**
 * Weights quantized symmetrically per output channel as the TFLite int8 specification asks:
 * zero point 0, values in [-127, 127], scale = max|w| / 127 in float. A channel of zeros gets
 * scale 1 (all its values are 0 whatever the scale) rather than a zero scale.
 */
record PerChannelWeights(byte[] values, float[] scales) {
    private static final float QMAX = 127f;

    /**
     * @param weights      float weights in TFLite layout
     * @param channels     number of output channels
     * @param channelLast  true for depthwise (1HWC: the channel is the innermost index), false
     *                     for conv (OHWI) and fully connected ([out][in]) where it is the outermost
     */
    static PerChannelWeights quantize(float[] weights, int channels, boolean channelLast) {
        int perChannel = weights.length / channels;
        float[] maxAbs = new float[channels];
        for (int i = 0; i < weights.length; i++) {
            int c = channelOf(i, channels, perChannel, channelLast);
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(weights[i]));
        }
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            if (!Float.isFinite(maxAbs[c])) {
                throw new IllegalArgumentException("output channel " + c + " has a non-finite weight: retrain the model");
            }
            scales[c] = maxAbs[c] == 0f ? 1f : maxAbs[c] / QMAX;
        }
        byte[] values = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            float q = TflmArith.round(weights[i] / scales[channelOf(i, channels, perChannel, channelLast)]);
            values[i] = (byte) Math.max(-QMAX, Math.min(QMAX, q));
        }
        return new PerChannelWeights(values, scales);
    }

    /**
     * Bias as int32 with scale inputScale · scale[c] (the float product, as TFLite computes it),
     * zero point 0; with one scale (weights per tensor) every channel uses it.
     */
    int[] quantizeBias(float[] bias, float inputScale) {
        int[] q = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
            float biasScale = inputScale * scales[scales.length == 1 ? 0 : c];
            double v = TflmArith.round((double) bias[c] / (double) biasScale);
            q[c] = (int) Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return q;
    }

    private static int channelOf(int i, int channels, int perChannel, boolean channelLast) {
        return channelLast ? i % channels : i / perChannel;
    }
}
