package io.tinymlaas.kernel.eval;

import java.util.concurrent.Callable;

/**
 * Runs user code (a snippet, or the rendering of a cell's value) on a thread of its own, in a
 * thread group of its own under {@link BackgroundErrors}, while the caller waits. An interrupt
 * first stops that thread group; a thread that does not end (blocked in native I/O such as
 * {@code accept()}, or waiting for a monitor) is left behind: the caller stops waiting and gets
 * {@link LeftBehind}, and later code never waits for that thread again. The left thread dies of
 * its pending stop as soon as its I/O returns (when the socket or pipe is closed).
 */
final class CellWorker {

    /**
     * The caller stopped waiting for user code whose thread could not be stopped; its stack trace
     * is that thread's, where it was blocked.
     */
    static final class LeftBehind extends Exception {
        LeftBehind(StackTraceElement[] blockedAt) {
            super("the cell's thread did not stop and was left behind", null, false, true);
            setStackTrace(blockedAt);
        }
    }

    private static final long POLL_MILLIS = 50;
    /** How long a stopped thread may take to end before it is left behind; stopped threads end in microseconds. */
    static final long LEAVE_AFTER_MILLIS = 300;
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private final Object lock = new Object();
    /** The work being waited for; null between calls. Guarded by {@link #lock}. */
    private Work current;

    private static final class Work {
        final ThreadGroup group;
        Thread thread;
        Object result;
        Throwable failure;
        boolean done;
        boolean leftBehind;
        StackTraceElement[] blockedAt;
        /** When the first stop was sent (System.nanoTime), 0 before. */
        long firstStop;

        Work(ThreadGroup group) {
            this.group = group;
        }
    }

    /**
     * Runs {@code task} on a new thread and returns its result. Whatever it throws is thrown here
     * as it is ({@link ThreadDeath} when it was stopped), or {@link LeftBehind}.
     */
    @SuppressWarnings("unchecked")
    <T> T run(String name, Callable<T> task) throws Throwable {
        if (INSIDE.get()) {
            // User code that evaluates more user code (a renderer running a snippet): already stoppable.
            return task.call();
        }
        Work work = new Work(new ThreadGroup(BackgroundErrors.GROUP, name));
        work.thread = new Thread(work.group, () -> {
            Object result = null;
            Throwable failure = null;
            INSIDE.set(true);
            try {
                result = task.call();
            } catch (Throwable t) {
                failure = t;
            }
            synchronized (lock) {
                work.result = result;
                work.failure = failure;
                work.done = true;
                lock.notifyAll();
            }
        }, name);
        synchronized (lock) {
            current = work;
        }
        work.thread.start();
        synchronized (lock) {
            try {
                while (!work.done && !work.leftBehind) {
                    lock.wait(POLL_MILLIS);
                    // A stop that lands after the task returned kills the thread before it reports.
                    if (!work.done && !work.thread.isAlive()) {
                        work.failure = new ThreadDeath();
                        work.done = true;
                    }
                }
            } finally {
                current = null;
            }
            if (!work.done) {
                throw new LeftBehind(work.blockedAt);
            }
            if (work.failure != null) {
                throw work.failure;
            }
            return (T) work.result;
        }
    }

    /**
     * Stops the running work's threads (the work and whatever threads it started). Called again
     * and again by an interrupt: once the work has ignored stops for {@value #LEAVE_AFTER_MILLIS}
     * ms, its thread is left behind. False when nothing runs.
     */
    @SuppressWarnings("removal")
    boolean stop() {
        synchronized (lock) {
            if (current == null || current.done || current.leftBehind) {
                return false;
            }
            long now = System.nanoTime();
            if (current.firstStop == 0) {
                current.firstStop = now;
            } else if (now - current.firstStop > LEAVE_AFTER_MILLIS * 1_000_000L) {
                current.blockedAt = current.thread.getStackTrace();
                current.leftBehind = true;
                lock.notifyAll();
                return true;
            }
            // Thread.stop is what JShell's own local engine uses: it ends busy loops, sleeps and waits.
            current.group.stop();
            return true;
        }
    }
}
