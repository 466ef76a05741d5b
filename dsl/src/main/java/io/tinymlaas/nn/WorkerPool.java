package io.tinymlaas.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads: {@link #run} runs one task per member and waits for all of them (the
 * caller is member 0); {@link #start} hands a task out without waiting, for callers that track
 * completion of the work themselves. Batches take about a millisecond, so members spin briefly
 * before they park: a hand-off costs microseconds, not the tens of a general executor.
 */
final class WorkerPool implements AutoCloseable {
    private static final int SPINS = 2_000; // ~0.1 ms: longer than the gap between batches, short enough not to starve others on a busy machine
    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile Thread waiter;
    private boolean started;
    private boolean counting;

    WorkerPool(int size) {
        threads = new Thread[size - 1];
        for (int t = 0; t < threads.length; t++) {
            int member = t + 1;
            threads[t] = new Thread(() -> work(member), "tinyml-train-" + member);
            threads[t].setDaemon(true);
            threads[t].start();
        }
    }

    int size() {
        return threads.length + 1;
    }

    /**
     * Hands {@code work} to the other members and returns at once: the caller does its own share
     * and decides itself when the work is complete (a member that is late finds nothing left).
     */
    void start(IntConsumer work) {
        if (counting) {
            throw new IllegalStateException("a pool runs either start() or run() tasks, not both");
        }
        started = true;
        task = work;
        generation++;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }

    /** Runs {@code work.accept(member)} for every member, the caller being member 0. */
    void run(IntConsumer work) {
        if (started) {
            // a late member may still be inside a started task and would count it as this one
            throw new IllegalStateException("a pool runs either start() or run() tasks, not both");
        }
        counting = true;
        if (threads.length == 0) {
            work.accept(0);
            return;
        }
        failure = null;
        task = work;
        pending.set(threads.length);
        generation++;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        Throwable own = null;
        try {
            work.accept(0);
        } catch (Throwable e) {
            own = e;
        }
        waiter = Thread.currentThread();
        for (int spins = 0; pending.get() > 0; spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable failed = own != null ? own : failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    private void work(int member) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    // A worker ignores interrupts (the caller checks them between batches): a set
                    // flag would make park return at once and the idle worker spin.
                    Thread.interrupted();
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.accept(member);
            } catch (Throwable e) {
                failure = e;
            }
            if (counting && pending.decrementAndGet() == 0) {
                LockSupport.unpark(waiter);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }
}
