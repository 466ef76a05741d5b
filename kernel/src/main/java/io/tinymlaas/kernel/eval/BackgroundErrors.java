package io.tinymlaas.kernel.eval;

/**
 * The thread group that cells run under (each snippet in a child group, see {@link CellWorker}).
 * A thread started by a cell that dies of an exception would otherwise die unseen in the kernel's
 * log: its failure is printed to the cell's stderr instead. A stopped thread dies silently.
 */
final class BackgroundErrors extends ThreadGroup {

    static final BackgroundErrors GROUP = new BackgroundErrors();

    private BackgroundErrors() {
        super("notebook cells");
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (error instanceof ThreadDeath) {
            return;
        }
        StringBuilder message = new StringBuilder("Exception in thread \"" + thread.getName() + "\": " + error);
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            message.append("\nCaused by: ").append(cause);
        }
        System.err.println(message);
    }
}
