package io.tinymlaas.nn;

/** What {@code fit} minimises. By default cross-entropy for class labels, MSE for regression targets. */
public enum Loss {
    /** -log p(true class), with the softmax applied when the model does not end with one. */
    CROSS_ENTROPY,
    /** Mean of (output - target)² over the output values. */
    MEAN_SQUARED_ERROR;

    private static final float MIN_PROBABILITY = 1e-7f;

    /**
     * Loss summed over {@code n} samples of {@code ws}'s output, the accuracy count (and confusion
     * matrix when {@code confusion}), and when {@code gradient} is non-null dLoss/d(logits or
     * outputs) scaled by 1/batch into it.
     */
    void apply(Workspace ws, int n, boolean endsWithSoftmax, float[] gradient, int batch, boolean confusion) {
        float[] out = ws.output();
        int width = out.length / ws.capacity;
        double sum = 0;
        int correct = 0;
        float scale = 1f / batch;
        if (this == CROSS_ENTROPY) {
            float[] p = out;
            if (!endsWithSoftmax) {
                p = ws.probs;
                for (int s = 0; s < n; s++) {
                    Softmax.softmaxRow(out, p, s * width, width);
                }
            }
            for (int s = 0; s < n; s++) {
                int at = s * width;
                int label = ws.labels[s];
                sum -= Math.log(Math.max(p[at + label], MIN_PROBABILITY));
                int predicted = argmax(p, at, width);
                if (predicted == label) {
                    correct++;
                }
                if (confusion) {
                    ws.confusion[label * ws.classes + predicted]++;
                }
                if (gradient != null) {
                    for (int j = 0; j < width; j++) {
                        gradient[at + j] = (p[at + j] - (j == label ? 1f : 0f)) * scale;
                    }
                }
            }
        } else {
            float g = 2f * scale / width;
            for (int s = 0; s < n; s++) {
                int at = s * width;
                double e = 0;
                for (int j = 0; j < width; j++) {
                    float d = out[at + j] - ws.targets[at + j];
                    e += d * d;
                    if (gradient != null) {
                        gradient[at + j] = g * d;
                    }
                }
                sum += e / width;
            }
        }
        ws.loss += sum;
        ws.correct += correct;
    }

    static int argmax(float[] v, int at, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (v[at + j] > v[at + best]) {
                best = j;
            }
        }
        return best;
    }
}
