package io.tinymlaas.quant;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.nn.Layer;
import io.tinymlaas.nn.Model;

import java.util.Arrays;
import java.util.List;

/**
 * The range (min, max) of the model input and of every layer's float output over a calibration
 * set: index 0 is the input, index i + 1 the output of {@code model.layers().get(i)}.
 */
final class Calibration {
    private final float[] min;
    private final float[] max;

    private Calibration(float[] min, float[] max) {
        this.min = min;
        this.max = max;
    }

    static Calibration observe(Model model, Dataset calibration) {
        int points = model.layers().size() + 1;
        float[] min = new float[points];
        float[] max = new float[points];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        List<Layer> layers = model.layers();
        for (int s = 0; s < calibration.size(); s++) {
            Tensor input = calibration.input(s);
            widen(min, max, 0, input.data(), "calibration sample " + s);
            List<float[]> outputs = model.forwardTrace(input);
            for (int i = 0; i < outputs.size(); i++) {
                widen(min, max, i + 1, outputs.get(i), "layer " + layers.get(i).name());
            }
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

    /** Parameters for the model input. */
    QuantParams input() {
        return QuantParams.asymmetric(min[0], max[0]);
    }

    /** Parameters for the output of layer {@code layer} (its index in model.layers()). */
    QuantParams output(int layer) {
        return QuantParams.asymmetric(min[layer + 1], max[layer + 1]);
    }
}
