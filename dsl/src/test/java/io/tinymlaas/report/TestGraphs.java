package io.tinymlaas.report;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

import java.util.ArrayList;
import java.util.List;

/** Builds quantized Graphs with dummy weights (zeros), shaped as the quantizer would build them. */
public final class TestGraphs {
    private final List<TensorSpec> tensors = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();

    private TestGraphs(Shape input) {
        tensors.add(new TensorSpec("input", input, 0.5f, -128));
    }

    public static TestGraphs input(int... dims) {
        return new TestGraphs(Shape.of(dims));
    }

    /** The tutorial MLP: 784-128-10 with softmax. */
    public static Graph mlp() {
        return input(784).dense(128).dense(10).softmax().build();
    }

    /** The tutorial CNN: conv8@3x3 VALID + relu, maxpool 2, flatten, dense 10, softmax. */
    public static Graph cnn() {
        return input(28, 28, 1).conv2d(8, 3).maxPool(2).flatten().dense(10).softmax().build();
    }

    private Shape last() {
        return tensors.get(tensors.size() - 1).shape();
    }

    private TestGraphs op(OpKind kind, Shape out, Window window, int weights, int channels) {
        int in = tensors.size() - 1;
        tensors.add(new TensorSpec(kind.name().toLowerCase() + "_out", out, 0.25f, 0));
        ops.add(new Op(kind, kind.name().toLowerCase() + "_" + ops.size(), in, in + 1, window,
                new byte[weights], new int[channels], new int[channels], new int[channels],
                kind == OpKind.SOFTMAX ? -128 : 0, 127, 0));
        return this;
    }

    /** VALID convolution, stride 1, fused ReLU. */
    public TestGraphs conv2d(int filters, int k) {
        Shape in = last();
        Shape out = Shape.of(in.dim(0) - k + 1, in.dim(1) - k + 1, filters);
        return op(OpKind.CONV_2D, out, new Window(k, k, 1, 1, 0, 0), filters * k * k * in.dim(2), filters);
    }

    public TestGraphs maxPool(int n) {
        Shape in = last();
        return op(OpKind.MAX_POOL_2D, Shape.of(in.dim(0) / n, in.dim(1) / n, in.dim(2)),
                new Window(n, n, n, n, 0, 0), 0, 0);
    }

    public TestGraphs flatten() {
        return op(OpKind.RESHAPE, Shape.of(last().size()), Window.NONE, 0, 0);
    }

    public TestGraphs dense(int units) {
        return op(OpKind.FULLY_CONNECTED, Shape.of(units), Window.NONE, last().size() * units, units);
    }

    public TestGraphs softmax() {
        int in = tensors.size() - 1;
        tensors.add(new TensorSpec("softmax_out", last(), 1f / 256, -128));
        ops.add(new Op(OpKind.SOFTMAX, "softmax_" + ops.size(), in, in + 1, Window.NONE,
                new byte[0], new int[0], new int[]{1 << 30}, new int[]{1}, -128, 127, -100));
        return this;
    }

    public Graph build() {
        return new Graph(tensors, ops, 0, tensors.size() - 1);
    }
}
