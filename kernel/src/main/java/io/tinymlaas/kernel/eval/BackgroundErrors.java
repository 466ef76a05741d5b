package io.tinymlaas.kernel.eval;

import java.lang.reflect.InvocationTargetException;

/**
 * The thread group that cells run under. JShell's local engine installs a global uncaught-exception
 * handler that keeps only its own snippet's failures and silently drops every other one, so a
 * thread started by a cell could die unseen. Threads of a cell belong to a child of this group:
 * their failures are printed to the cell's stderr; JShell's own are passed on to JShell.
 */
final class BackgroundErrors extends ThreadGroup {

    static final BackgroundErrors GROUP = new BackgroundErrors();

    private BackgroundErrors() {
        super("notebook cells");
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (error instanceof InvocationTargetException || error instanceof ThreadDeath
                || error instanceof ReflectiveOperationException) {
            super.uncaughtException(thread, error);
            return;
        }
        StringBuilder message = new StringBuilder("Exception in thread \"" + thread.getName() + "\": " + error);
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            message.append("\nCaused by: ").append(cause);
        }
        System.err.println(message);
    }
}
