package io.tinymlaas;

import java.util.concurrent.TimeUnit;

/**
 * Stops what a class started outside this JVM (a board, a broker) when the JVM exits without
 * closing it: a notebook kernel restarted, a test killed. Closing removes the hook first.
 */
public final class ExitHook {

    private final Thread thread;

    private ExitHook(Thread thread) {
        this.thread = thread;
    }

    /** Runs {@code stop} (on a thread called {@code name}) when the JVM exits, unless removed before. */
    public static ExitHook add(String name, Runnable stop) {
        Thread thread = new Thread(stop, name);
        Runtime.getRuntime().addShutdownHook(thread);
        return new ExitHook(thread);
    }

    public void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs too, and stopping twice is harmless
        }
    }

    /** Gives a process asked to end up to {@code seconds} to do so, then kills it (and waits as long again). */
    public static void awaitOrKill(Process process, int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(seconds, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
