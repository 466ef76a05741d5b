package io.tinymlaas.quant;

import java.util.List;

/**
 * A quantized model as the runtime sees it: tensors, and ops run in order, each reading one
 * tensor and writing one. Tensor {@code input} is the model input, {@code output} its output.
 */
public record Int8Graph(List<TensorSpec> tensors, List<Int8Op> ops, int input, int output) {
    public Int8Graph {
        tensors = List.copyOf(tensors);
        ops = List.copyOf(ops);
    }
}
