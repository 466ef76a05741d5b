package io.tinymlaas.graph;

import java.util.List;

/**
 * The one lowered form of a model that everything after training reads — sizing, the int8
 * interpreter, the arena planner, C export, the model blob, .tflite: activation tensors, and ops
 * run in order, each reading one tensor and writing one. Tensor {@code input} is the model input,
 * {@code output} its output. A float graph (a {@code Model} lowered) has float32 tensors and
 * {@link FloatParams}; a quantized one int8 tensors and {@link Int8Params}.
 */
public record Graph(List<TensorSpec> tensors, List<Op> ops, int input, int output) {
    public Graph {
        tensors = List.copyOf(tensors);
        ops = List.copyOf(ops);
    }

    public TensorSpec tensor(int index) {
        return tensors.get(index);
    }

    public TensorSpec inputSpec() {
        return tensors.get(input);
    }

    public TensorSpec outputSpec() {
        return tensors.get(output);
    }

    /** True when the tensors are int8 (the input decides: a graph is quantized as a whole). */
    public boolean isQuantized() {
        return inputSpec().isQuantized();
    }

    /** Bytes of weights and biases of an int8 graph. */
    public int parameterBytes() {
        return ops.stream().mapToInt(op -> op.int8().parameterBytes()).sum();
    }
}
