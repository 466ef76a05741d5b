package io.tinymlaas.data;

import java.util.Arrays;

/** What the model says about one input: the winning class and every output value. */
public record Prediction(int label, float[] scores) {
    /** The winning score (the probability of {@link #label} when the model ends with softmax). */
    public float score() {
        return scores[label];
    }

    @Override
    public String toString() {
        return "Prediction[label=" + label + ", score=" + score() + ", scores=" + Arrays.toString(scores) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && p.label == label && Arrays.equals(p.scores, scores);
    }

    @Override
    public int hashCode() {
        return 31 * label + Arrays.hashCode(scores);
    }
}
