package io.tinymlaas.kernel.display;

/**
 * Where {@link Notebook}'s displays currently go. Kept apart from Notebook so that its static
 * import brings cells only the display functions.
 */
public final class Displays {

    private static volatile DisplaySink sink = DisplaySink.PRINT;

    private Displays() {
    }

    /** The kernel connects its displays here at start. */
    public static void connect(DisplaySink kernelSink) {
        sink = kernelSink;
    }

    static DisplaySink sink() {
        return sink;
    }
}
