package io.tinymlaas.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything one worker thread writes while it runs a slice of a batch through the model:
 * activations, their gradients, per-layer scratch and its own parameter gradients. Allocated
 * once per fit or evaluation, so batches allocate nothing.
 */
final class Workspace {
    final int capacity;
    final float[][] act;    // act[0] the inputs, act[i + 1] the output of layer i
    final float[][] grad;   // grad[i] = dLoss/d act[i]; null where nothing needs it
    final Layer.Scratch[] scratch;
    final float[] paramGrad;
    final int[] labels;
    final float[] targets;
    final float[] probs;    // softmax of the outputs when the model ends without one
    final int[] confusion;  // [true][predicted], classification only
    final int classes;
    double loss;
    int correct;

    Workspace(List<Layer> layers, int capacity, int paramCount, int targetSize, int classes, SplittableRandom rng) {
        this.capacity = capacity;
        int count = layers.size();
        act = new float[count + 1][];
        act[0] = new float[capacity * layers.get(0).inputShape().size()];
        scratch = new Layer.Scratch[count];
        for (int i = 0; i < count; i++) {
            Layer l = layers.get(i);
            act[i + 1] = l.isView() ? act[i] : new float[capacity * l.outputShape().size()];
            scratch[i] = new Layer.Scratch(l.scratchFloats(capacity), l.scratchInts(capacity), rng.split());
        }
        grad = new float[count + 1][];
        grad[count] = new float[act[count].length];
        for (int i = count - 1; i >= 1; i--) {
            Layer l = layers.get(i);
            grad[i] = l.isView() ? grad[i + 1] : new float[capacity * l.inputShape().size()];
        }
        paramGrad = new float[paramCount];
        labels = new int[capacity];
        int outSize = layers.get(count - 1).outputShape().size();
        targets = new float[capacity * targetSize];
        probs = new float[capacity * outSize];
        this.classes = classes;
        confusion = new int[classes * classes];
    }

    float[] input() {
        return act[0];
    }

    float[] output() {
        return act[act.length - 1];
    }
}
