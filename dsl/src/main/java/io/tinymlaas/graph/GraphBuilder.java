package io.tinymlaas.graph;

import io.tinymlaas.data.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Lowers a sequential model into a float {@link Graph}, layer by layer: each layer, told its
 * index with {@link #layer}, adds its op ({@link #op}), folds itself into the op before it
 * ({@link #activation}) or vanishes ({@link #identity}). The one fusion rule lives here: ReLU and
 * ReLU6 fuse into the conv, depthwise or dense op right before them (as TFLite fuses them);
 * Dropout, the identity at inference, leaves no op.
 */
public final class GraphBuilder {
    private final List<TensorSpec> tensors = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final List<Integer> sourceLayers = new ArrayList<>();
    private final List<String> unfused = new ArrayList<>();
    private int current;
    private int layer = -1;
    private String previousLayer = "the model input";
    private String layerName = "";

    public GraphBuilder(Shape input) {
        current = addTensor("input", input, -1);
    }

    /** The next calls lower layer {@code index} of the model, named {@code name}. */
    public GraphBuilder layer(int index, String name) {
        if (layer >= 0) {
            previousLayer = layerName;
        }
        layer = index;
        layerName = name;
        return this;
    }

    /** Adds an op reading the current tensor and writing a new one of {@code outputShape}. */
    public void op(OpType kind, Shape outputShape, Window window, FloatParams params) {
        int output = addTensor(layerName, outputShape, layer);
        ops.add(new Op(kind, layerName, current, output, window, FusedActivation.NONE, params));
        current = output;
    }

    /**
     * Fuses {@code activation} into the op right before it when that op has weights and no
     * activation yet; the op's output then stands for this layer's output. Otherwise the
     * activation cannot run on its own in int8 ({@link Lowered#requireFused}).
     */
    public void activation(FusedActivation activation, String kindName) {
        Op last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
        if (last == null || last.output() != current || !last.kind().isWeighted()
                || last.activation() != FusedActivation.NONE) {
            unfused.add("layer " + layerName + " (" + kindName + ") after " + previousLayer
                    + " has no int8 form on its own: int8 fuses ReLU/ReLU6 into the dense, conv2d or depthwiseConv2d"
                    + " right before it; move it there");
            return;
        }
        ops.set(ops.size() - 1, new Op(last.kind(), last.name(), last.input(), last.output(), last.window(), activation,
                last.params()));
        sourceLayers.set(current, layer);
    }

    /** The layer changes nothing at inference (dropout): no op, the current tensor stays. */
    public void identity() {
    }

    public Lowered build() {
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("the model has no ops: add layers such as dense(10)");
        }
        return new Lowered(new Graph(tensors, ops, 0, current),
                sourceLayers.stream().mapToInt(Integer::intValue).toArray(), unfused);
    }

    private int addTensor(String name, Shape shape, int sourceLayer) {
        tensors.add(TensorSpec.float32(name, shape));
        sourceLayers.add(sourceLayer);
        return tensors.size() - 1;
    }

    /**
     * A lowered model: the float graph, and per tensor the index of the model layer whose output it
     * stands for (-1 for the input), which calibration ranges and float-vs-int8 comparisons follow.
     */
    public record Lowered(Graph graph, int[] sourceLayers, List<String> unfused) {
        public Lowered {
            sourceLayers = sourceLayers.clone();
            unfused = List.copyOf(unfused);
        }

        public int sourceLayer(int tensor) {
            return sourceLayers[tensor];
        }

        @Override
        public int[] sourceLayers() {
            return sourceLayers.clone();
        }

        /** Refuses a graph with an activation that could not be fused (int8 has no op for it alone). */
        public Lowered requireFused() {
            if (!unfused.isEmpty()) {
                throw new IllegalArgumentException(unfused.get(0));
            }
            return this;
        }
    }
}
