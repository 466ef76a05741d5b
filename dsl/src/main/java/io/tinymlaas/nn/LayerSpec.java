package io.tinymlaas.nn;

/**
 * What a layer is, without its weights, as the model file stores it (Keras's get_config): the
 * {@link Model} method that builds it ("dense", "conv2d", …) and its integer settings. Each layer
 * writes its own ({@link Layer#spec()}); {@link Model#add(LayerSpec)} calls the method again.
 */
record LayerSpec(String call, int[] settings) {

    static LayerSpec of(String call, int... settings) {
        return new LayerSpec(call, settings);
    }

    static int[] window(Window2D w) {
        return new int[]{w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), w.padding().ordinal()};
    }
}
