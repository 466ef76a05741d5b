package io.tinymlaas.kernel.display;

import io.tinymlaas.live.Link;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where {@link Notebook}'s displays currently go. Kept apart from Notebook so that its static
 * import brings cells only the display functions.
 */
public final class Displays {

    private static volatile DisplaySink sink = DisplaySink.PRINT;
    private static volatile BiFunction<String, Map<String, ?>, Link> comms = (target, data) -> {
        throw new IllegalStateException("comms need a notebook: comm(\"" + target + "\", ...) works in a Jupyter kernel only");
    };

    private Displays() {
    }

    /** The kernel connects its displays here at start. */
    public static void connect(DisplaySink kernelSink) {
        sink = kernelSink;
    }

    /** True once the kernel connected its displays: cells run in a notebook. */
    public static boolean inNotebook() {
        return sink != DisplaySink.PRINT;
    }

    /** The kernel connects its comms here: {@link Notebook#comm} opens one through it. */
    public static void connectComms(BiFunction<String, Map<String, ?>, Link> opener) {
        comms = opener;
    }

    static Link openComm(String target, Map<String, ?> data) {
        return comms.apply(target, data);
    }

    static DisplaySink sink() {
        return sink;
    }
}
