package io.tinymlaas.quant;

import io.tinymlaas.data.Tensor;

import java.util.List;

/**
 * The float model an int8 one was quantized from, as a comparison needs it: the float output of
 * every layer for one input, and the layers' names. {@code io.tinymlaas.nn.Model} is one.
 */
public interface FloatModel {
    /** The float output of every layer for {@code x}, in layer order. */
    List<float[]> forwardTrace(Tensor x);

    /** The name of layer {@code index}. */
    String layerName(int index);
}
