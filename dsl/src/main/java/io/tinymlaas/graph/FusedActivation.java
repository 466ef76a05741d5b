package io.tinymlaas.graph;

/** An activation folded into the op before it, as TFLite fuses it (its int8 form is a clamp). */
public enum FusedActivation {
    NONE, RELU, RELU6
}
