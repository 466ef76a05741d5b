package io.tinymlaas.kernel.interrupt;

import io.tinymlaas.kernel.eval.PoliteStop;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ■ button as work that stops by itself hears it: a fit between batches, a magic between its
 * steps. Such work holds a {@link Watch} while it runs; an interrupt fires every open watch, and
 * the cell runner gives that work a moment to end before it stops the cell harder.
 */
public final class Interrupts implements PoliteStop {

    private final Set<Watch> open = ConcurrentHashMap.newKeySet();

    /** Starts watching for ■; close the watch when the work ends. */
    public Watch watch() {
        Watch watch = new Watch();
        open.add(watch);
        return watch;
    }

    @Override
    public boolean request() {
        boolean heard = false;
        for (Watch watch : open) {
            watch.fire();
            heard = true;
        }
        return heard;
    }

    @Override
    public boolean pending() {
        return open.stream().anyMatch(Watch::unheard);
    }

    /**
     * One piece of work watching for ■. The work has heard ■ once {@link #requested} said so or
     * an {@link #onRequest} action ran: from then on it ends by itself.
     */
    public final class Watch implements AutoCloseable {
        private boolean requested;
        private boolean heard;
        private final List<Runnable> actions = new ArrayList<>();

        private Watch() {
        }

        public synchronized boolean requested() {
            heard |= requested;
            return requested;
        }

        private synchronized boolean unheard() {
            return requested && !heard;
        }

        /** Runs {@code action} when ■ is pressed (on the interrupting thread), at once if it already was. */
        public void onRequest(Runnable action) {
            synchronized (this) {
                if (!requested) {
                    actions.add(action);
                    return;
                }
                heard = true;
            }
            runQuietly(action);
        }

        private void fire() {
            List<Runnable> toRun;
            synchronized (this) {
                if (requested) {
                    return;
                }
                requested = true;
                heard = !actions.isEmpty();
                toRun = List.copyOf(actions);
            }
            toRun.forEach(Interrupts::runQuietly);
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }

    /** An action that fails must not keep the interrupt from reaching the rest. */
    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Logger.getLogger(Interrupts.class.getName()).log(Level.WARNING, "an interrupt action failed", e);
        }
    }
}
