package io.tinymlaas.nn;

import java.util.List;
import java.util.SplittableRandom;

/** The layers of a built model over one flat parameter array, run forward and backward on a {@link Workspace}. */
final class Network {
    final List<Layer> layers;
    final float[] params;
    final boolean endsWithSoftmax;
    private final int firstTrainable;

    Network(List<Layer> layers, float[] params) {
        this.layers = layers;
        this.params = params;
        this.endsWithSoftmax = layers.get(layers.size() - 1) instanceof Softmax;
        int first = layers.size();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).params() > 0) {
                first = i;
            }
        }
        this.firstTrainable = first;
    }

    boolean trainable() {
        return firstTrainable < layers.size();
    }

    Workspace workspace(int capacity, int targetSize, int classes, SplittableRandom rng) {
        return new Workspace(layers, capacity, params.length, targetSize, classes, rng);
    }

    void forward(Workspace ws, int n, boolean training) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(ws.act[i], ws.act[i + 1], n, ws.scratch[i], training);
        }
    }

    /** Where the loss writes its gradient: before the final softmax when cross-entropy absorbs it. */
    float[] lossGradient(Workspace ws, Loss loss) {
        return top(loss) == layers.size() ? ws.grad[layers.size()] : ws.grad[layers.size() - 1];
    }

    /** Backpropagates from the loss gradient; parameter gradients are added into ws.paramGrad. */
    void backward(Workspace ws, int n, Loss loss) {
        for (int i = top(loss) - 1; i >= firstTrainable; i--) {
            float[] dx = i == firstTrainable ? null : ws.grad[i];
            layers.get(i).backward(ws.act[i], ws.act[i + 1], ws.grad[i + 1], dx, ws.paramGrad, n, ws.scratch[i]);
        }
    }

    private int top(Loss loss) {
        return loss == Loss.CROSS_ENTROPY && endsWithSoftmax ? layers.size() - 1 : layers.size();
    }
}
