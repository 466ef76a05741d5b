package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.graph.GraphBuilder.Lowered;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The range (min, max) of every tensor of a lowered model over a calibration set: the input's,
 * and each op output's as the float output of the layer it stands for (after a fused ReLU, the
 * ReLU's).
 */
final class Calibration {
    /** Beyond this magnitude, int8 steps are too coarse for any data a model was trained on. */
    private static final float ABSURD = 1e6f;

    private final float[] min;
    private final float[] max;
    private final List<String> warnings;

    private Calibration(float[] min, float[] max, List<String> warnings) {
        this.min = min;
        this.max = max;
        this.warnings = warnings;
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
        return new Calibration(min, max, warnings(layers, layerMin, layerMax));
    }

    /**
     * What makes the observed ranges a poor basis for int8: calibration inputs that are all one value,
     * a layer output that is always 0 (its scale falls back to 1.0), values so large that int8 steps
     * lose everything. Point 0 is the input, point i + 1 the output of layer i.
     */
    private static List<String> warnings(List<Layer> layers, float[] min, float[] max) {
        List<String> warnings = new ArrayList<>();
        if (min[0] == max[0]) {
            warnings.add("every calibration input value is " + min[0] + ": the int8 ranges come from a single point;"
                    + " calibrate with a few hundred varied training samples, e.g. data.train().take(500)");
        }
        for (int p = 0; p < min.length; p++) {
            String what = p == 0 ? "the model input" : "the output of layer " + layers.get(p - 1).name();
            float magnitude = Math.max(Math.abs(min[p]), Math.abs(max[p]));
            if (magnitude > ABSURD) {
                warnings.add(what + " reaches " + magnitude + " on the calibration data: int8 steps of "
                        + magnitude / 128 + " lose everything; calibrate with data scaled as for training");
            } else if (p > 0 && min[0] != max[0] && Math.max(max[p], 0f) - Math.min(min[p], 0f) == 0f) {
                warnings.add(what + " is always 0 on the calibration data: its int8 scale falls back to 1.0;"
                        + " calibrate with more varied training samples");
            }
        }
        return warnings;
    }

    /** Why these ranges may make a poor int8 model; empty when they look sound. */
    List<String> warnings() {
        return warnings;
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
