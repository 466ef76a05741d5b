package io.tinymlaas.nn;

/** How a convolution or pooling window treats the border, as in Keras and TFLite. */
public enum Padding {
    /** Output size ceil(in / stride); the input is padded with zeros around, more at the bottom/right. */
    SAME,
    /** No padding: the window stays inside the input, output size (in - kernel) / stride + 1. */
    VALID
}
