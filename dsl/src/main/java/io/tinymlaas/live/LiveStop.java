package io.tinymlaas.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends running {@link DeployedModel#live} streams after their current inference, so the board is
 * left between two requests and stays usable: what a notebook's ■ button does first.
 */
public final class LiveStop {
    private static final Set<AtomicBoolean> STREAMS = ConcurrentHashMap.newKeySet();

    private LiveStop() {
    }

    /** Asks every running stream to stop; true when one was running to hear it. */
    public static boolean request() {
        STREAMS.forEach(flag -> flag.set(true));
        return !STREAMS.isEmpty();
    }

    /** Whether a stream is running now. */
    public static boolean running() {
        return !STREAMS.isEmpty();
    }

    /** A stream starts: its flag turns true when asked to stop. */
    static AtomicBoolean begin() {
        AtomicBoolean flag = new AtomicBoolean();
        STREAMS.add(flag);
        return flag;
    }

    static void end(AtomicBoolean flag) {
        STREAMS.remove(flag);
    }
}
