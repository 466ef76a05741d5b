package io.tinymlaas.nn;

/** A layer with weights and a bias, in TFLite's layouts. */
interface Weighted {
    float[] weights();

    float[] bias();

    void setWeights(float[] weights, float[] bias);
}
