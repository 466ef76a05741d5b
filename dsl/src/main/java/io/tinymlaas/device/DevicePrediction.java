package io.tinymlaas.device;

import java.util.Arrays;

/**
 * One inference on a board, read as a classifier's answer: the top class, every class's score
 * (the dequantized output), the raw int8 output and the time the board took.
 */
public record DevicePrediction(int label, float[] scores, byte[] raw, DeviceTime deviceTime, double deviceMicros) {

    @Override
    public float[] scores() {
        return scores.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public String toString() {
        return "label " + label + " (score " + scores[label] + ") in " + deviceTime
                + (Double.isNaN(deviceMicros) ? "" : String.format(" ≈ %.0f µs", deviceMicros))
                + ", scores " + Arrays.toString(scores);
    }
}
