package io.tinymlaas.graph;

/** The constants of an op: float weights as trained, or int8 ones with everything the runtime needs. */
public sealed interface OpParams permits FloatParams, Int8Params {
}
