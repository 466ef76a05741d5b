package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.graph.GraphBuilder.Lowered;

import java.util.Arrays;
import java.util.List;

/**
 * The range (min, max) of every tensor of a lowered model over a calibration set: the input's,
 * and each op output's as the float output of the layer it stands for (after a fused ReLU, the
 * ReLU's).
 */
final class Calibration {
    private final float[] min;
    private final float[] max;

    private Calibration(float[] min, float[] max) {
        this.min = min;
        this.max = max;
    }

    static Calibration observe(Model model, Lowered lowered, Dataset calibration) {
        List<Layer> layers = model.layers();
        int points = layers.size() + 1;
        float[] layerMin = new float[points];
        float[] layerMax = new float[points];
        Arrays.fill(layerMin, Float.POSITIVE_INFINITY);
        Arrays.fill(layerMax, Float.NEGATIVE_INFINITY);
        for (int s = 0; s < calibration.size(); s++) {
            Tensor input = calibration.input(s);
            widen(layerMin, layerMax, 0, input.data(), "calibration sample " + s);
            List<float[]> outputs = model.forwardTrace(input);
            for (int i = 0; i < outputs.size(); i++) {
                widen(layerMin, layerMax, i + 1, outputs.get(i), "layer " + layers.get(i).name());
            }
        }
        int tensors = lowered.graph().tensors().size();
        float[] min = new float[tensors];
        float[] max = new float[tensors];
        for (int t = 0; t < tensors; t++) {
            int point = lowered.sourceLayer(t) + 1;
            min[t] = layerMin[point];
            max[t] = layerMax[point];
        }
        return new Calibration(min, max);
    }

    private static void widen(float[] min, float[] max, int point, float[] values, String what) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(what + " holds " + v + ": a non-finite value cannot be quantized;"
                        + " check the data and retrain the model if its weights diverged");
            }
            min[point] = Math.min(min[point], v);
            max[point] = Math.max(max[point], v);
        }
    }

    /** Per tensor of the lowered graph, the smallest value seen. */
    float[] min() {
        return min.clone();
    }

    /** Per tensor, the largest value seen. */
    float[] max() {
        return max.clone();
    }
}
