package io.tinymlaas.live;

import java.util.function.Supplier;

/** Makes the {@link LiveDisplay}s of live streams: printed lines, unless a notebook kernel installed its own. */
public final class LiveDisplays {
    private static volatile Supplier<LiveDisplay> factory = () -> content -> System.out.println(content);

    private LiveDisplays() {
    }

    /** The kernel installs the notebook's displays here at start. */
    public static void use(Supplier<LiveDisplay> displays) {
        factory = displays;
    }

    static LiveDisplay create() {
        return factory.get();
    }
}
