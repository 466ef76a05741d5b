package io.tinymlaas.report;

import io.tinymlaas.data.Shape;
import io.tinymlaas.quant.Int8Graph;
import io.tinymlaas.quant.Int8Op;
import io.tinymlaas.target.GreedyArenaPlanner;
import io.tinymlaas.target.TensorBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as a chain of {@link LayerSpec}s run in order over numbered tensors: what a size report
 * needs, built from an {@code Int8Graph} or a float {@code Model}.
 */
record Network(Shape inputShape, int inputTensor, int outputTensor, int tensorCount, List<LayerSpec> layers) {
    Network {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the model has no ops: add layers before asking for its size");
        }
    }

    static Network of(Int8Graph graph) {
        List<LayerSpec> layers = new ArrayList<>();
        for (Int8Op op : graph.ops()) {
            layers.add(new LayerSpec(op.kind(), op.name(), op.input(), op.output(),
                    graph.tensors().get(op.input()).shape(), graph.tensors().get(op.output()).shape(),
                    op.window(), op.bias() != null && op.bias().length > 0));
        }
        return new Network(graph.tensors().get(graph.input()).shape(), graph.input(), graph.output(),
                graph.tensors().size(), layers);
    }

    /** The same model with layer {@code index} {@code width} wide, shapes carried down the chain. */
    Network withWidth(int index, int width) {
        Map<Integer, Shape> shapes = new HashMap<>();
        shapes.put(inputTensor, inputShape);
        List<LayerSpec> changed = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            Shape in = shapes.getOrDefault(l.inTensor(), l.in());
            LayerSpec next = l.withInput(in, i == index ? width : l.width());
            shapes.put(l.outTensor(), next.out());
            changed.add(next);
        }
        return new Network(inputShape, inputTensor, outputTensor, tensorCount, changed);
    }

    Shape shapeOf(int tensor) {
        if (tensor == inputTensor) {
            return inputShape;
        }
        return layers.stream().filter(l -> l.outTensor() == tensor).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no op writes tensor " + tensor)).out();
    }

    Shape outputShape() {
        return shapeOf(outputTensor);
    }

    /** The activation tensors the arena holds, with their lifetimes, at {@code precision}. */
    List<TensorBuffer> buffers(Precision precision) {
        int n = layers.size();
        int[] inputs = new int[n];
        int[] outputs = new int[n];
        long[] bytes = new long[tensorCount];
        bytes[inputTensor] = (long) inputShape.size() * precision.activationBytes();
        for (int i = 0; i < n; i++) {
            LayerSpec l = layers.get(i);
            inputs[i] = l.inTensor();
            outputs[i] = l.outTensor();
            bytes[l.outTensor()] = (long) l.out().size() * precision.activationBytes();
        }
        return GreedyArenaPlanner.lifetimes(inputs, outputs, inputTensor, outputTensor, bytes);
    }
}
