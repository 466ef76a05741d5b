package io.tinymlaas.nn;

/**
 * What a layer is, without its weights: its kind (a code of the model file) and integer
 * settings. Applying it to a builder re-creates the layer.
 */
record LayerSpec(Kind kind, int[] settings) {
    enum Kind {
        DENSE(1), CONV2D(2), DEPTHWISE_CONV2D(3), MAX_POOL(4), AVG_POOL(5), FLATTEN(6), RELU(7), RELU6(8),
        SOFTMAX(9), DROPOUT(10), GLOBAL_AVG_POOL(11);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind ofCode(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    static LayerSpec of(Kind kind, int... settings) {
        return new LayerSpec(kind, settings);
    }

    static int[] window(Window2D w) {
        return new int[]{w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), w.padding().ordinal()};
    }
}
