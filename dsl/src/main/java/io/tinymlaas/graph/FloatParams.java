package io.tinymlaas.graph;

/**
 * A float op's constants in TFLite's layouts (CONV_2D OHWI, DEPTHWISE_CONV_2D 1HWC,
 * FULLY_CONNECTED [out][in]), and its bias; both empty for ops without weights and for a model
 * whose weights are not drawn yet (sizing needs only the shapes).
 */
public record FloatParams(float[] weights, float[] bias) implements OpParams {
    public static final FloatParams NONE = new FloatParams(new float[0], new float[0]);
}
