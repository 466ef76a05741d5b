package io.tinymlaas.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stops every running {@code fit} at its next batch, keeping the weights of the last finished
 * one: what a notebook's Interrupt button does before anything harsher. (Thread.interrupt does
 * the same for the thread that called fit; this reaches fits the caller does not know of.)
 */
public final class TrainingStop {
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicLong HEARD = new AtomicLong();

    private TrainingStop() {
    }

    /** Asks running fits to stop; true when a fit was running to hear it. */
    public static boolean request() {
        REQUESTS.incrementAndGet();
        return RUNNING.get() > 0;
    }

    /** Whether a fit is running now. */
    public static boolean running() {
        return RUNNING.get() > 0;
    }

    /** Whether a running fit has not yet heard the last request (it hears it between batches). */
    public static boolean unheard() {
        return RUNNING.get() > 0 && HEARD.get() != REQUESTS.get();
    }

    static long begin() {
        RUNNING.incrementAndGet();
        return REQUESTS.get();
    }

    static boolean requestedSince(long mark) {
        long requests = REQUESTS.get();
        if (requests == mark) {
            return false;
        }
        HEARD.set(requests);
        return true;
    }

    static void end() {
        RUNNING.decrementAndGet();
    }
}
