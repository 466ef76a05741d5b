package io.tinymlaas.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a cell: its magic lines and its Java snippets in order, stopping at the first error. The
 * result is the final expression's value, as IPython shows the last expression of a cell.
 */
public final class CellRunner {

    static final long STOP_RETRY_MILLIS = 20;
    /** How long work that stops by itself may take to hear an interrupt before the cell is stopped. */
    static final long POLITE_MILLIS = 1000;

    private final JShellSession session;
    private final MagicHandler magics;
    private final CellSplitter splitter;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final ErrorFormatter errors;
    private volatile boolean stopRequested;
    /** Counts cells run, so that a late stop never reaches the cell after the interrupted one. */
    private final AtomicInteger cellsStarted = new AtomicInteger();
    private volatile boolean running;
    /** The cell a stopper thread is working on (0: none), so repeated interrupts add no threads. */
    private final AtomicInteger stoppingCell = new AtomicInteger();
    private final PoliteStop politeStop;

    public CellRunner(JShellSession session, MagicHandler magics) {
        this(session, magics, PoliteStop.NONE);
    }

    /**
     * @param politeStop asked first when a cell is interrupted: work that ends by itself (a running
     *                   fit) has {@value #POLITE_MILLIS} ms to hear it, and then the cell goes on
     */
    public CellRunner(JShellSession session, MagicHandler magics, PoliteStop politeStop) {
        this.session = session;
        this.magics = magics;
        this.politeStop = politeStop;
        this.splitter = new CellSplitter(session.analysis());
        this.errors = new ErrorFormatter(origins, session::unresolved);
    }

    /** Runs {@code code} as cell number {@code cell} (its execution count). */
    public CellResult run(int cell, String code) {
        return run(cell, code, value -> value);
    }

    /**
     * Runs {@code code} as cell number {@code cell} and turns its value into what the notebook
     * shows with {@code present}, on a worker thread too: an interrupt reaches a {@code toString()}
     * that hangs, and whatever it throws (even a StackOverflowError) is the cell's error.
     */
    public CellResult run(int cell, String code, Function<Object, ?> present) {
        stopRequested = false;
        cellsStarted.incrementAndGet();
        running = true;
        try {
            CellResult result = runSegments(cell, code);
            return result.hasValue() ? present(cell, result.value(), present) : result;
        } finally {
            running = false;
        }
    }

    private CellResult present(int cell, Object value, Function<Object, ?> present) {
        try {
            return CellResult.value(session.runUserCode(() -> present.apply(value)));
        } catch (ThreadDeath e) {
            return CellResult.failed(errors.interrupted(cell, 0));
        } catch (CellWorker.LeftBehind e) {
            return CellResult.failed(errors.leftBehind(cell, e.getStackTrace()));
        } catch (Throwable t) {
            return CellResult.failed(errors.unshowable(cell, t));
        }
    }

    private CellResult runSegments(int cell, String code) {
        CellResult result = CellResult.nothing();
        for (CellSegment segment : CellSegment.of(code)) {
            if (segment.magic()) {
                result = magics.run(segment.text());
            } else {
                result = runJava(cell, segment);
            }
            if (result.failed()) {
                return result;
            }
            if (stopRequested) {
                return CellResult.failed(errors.interrupted(cell, segment.firstLine()));
            }
        }
        return result;
    }

    /**
     * Stops the running cell; it ends with an "Interrupted" error and later snippets do not run.
     * Work that stops by itself (a fit, keeping its last finished batch) is asked first; when it
     * hears in time, it ends by itself and the cell goes on with its next statement.
     * One stopper works per cell, however many interrupts arrive.
     */
    public void interrupt() {
        int interrupted = cellsStarted.get();
        boolean polite = politeStop.request();
        if (!polite) {
            stopRequested = true;
        }
        if (stoppingCell.getAndSet(interrupted) == interrupted) {
            return;
        }
        Thread stopper = new Thread(() -> {
            try {
                stopUntilOver(interrupted, polite);
            } finally {
                stoppingCell.compareAndSet(interrupted, 0);
            }
        }, "cell-stopper");
        stopper.setDaemon(true);
        stopper.start();
    }

    /**
     * The interrupt may come while JShell still compiles, before there is code to stop: keep
     * stopping until this cell is over. A thread that does not stop is left behind by the session.
     */
    private void stopUntilOver(int interrupted, boolean polite) {
        if (polite) {
            long deadline = System.nanoTime() + POLITE_MILLIS * 1_000_000L;
            while (running && cellsStarted.get() == interrupted && politeStop.pending()
                    && System.nanoTime() < deadline) {
                if (!pause()) {
                    return;
                }
            }
            if (!running || cellsStarted.get() != interrupted || !politeStop.pending()) {
                return;
            }
            stopRequested = true;
        }
        // Then stop whatever is still running, even a busy loop.
        while (running && stopRequested && cellsStarted.get() == interrupted) {
            session.stop();
            if (!pause()) {
                return;
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(STOP_RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private CellResult runJava(int cell, CellSegment segment) {
        CellResult result = CellResult.nothing();
        for (CellSplitter.Piece piece : splitter.split(segment.text())) {
            int firstLine = segment.firstLine() + piece.line();
            if (stopRequested) {
                return CellResult.failed(errors.interrupted(cell, firstLine));
            }
            List<SnippetEvent> events = session.eval(piece.source());
            events.stream().filter(event -> event.causeSnippet() == null)
                    .forEach(event -> origins.record(event.snippet().id(), cell, firstLine));
            if (stopRequested) {
                return CellResult.failed(leftBehind(events).map(stack -> errors.leftBehind(cell, stack))
                        .orElseGet(() -> errors.interrupted(cell, firstLine)));
            }
            result = CellResult.nothing();
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet snippet = event.snippet();
                if (event.status() == Snippet.Status.REJECTED) {
                    return CellResult.failed(errors.compileError(
                            session.diagnostics(snippet), piece.source(), cell, firstLine));
                }
                if (event.exception() != null) {
                    return CellResult.failed(errors.exception(event.exception()));
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    // Allowed, as in JShell: a method may call one defined in a later cell.
                    System.err.println("note: " + errors.waitingFor((DeclarationSnippet) snippet));
                }
                result = valueOf(snippet);
            }
        }
        return result;
    }

    /** Where the snippet's thread was blocked when an interrupt left it behind (its frames in cell lines). */
    private static Optional<StackTraceElement[]> leftBehind(List<SnippetEvent> events) {
        return events.stream().map(SnippetEvent::exception)
                .filter(e -> e instanceof EvalException eval
                        && eval.getExceptionClassName().equals(CellWorker.LeftBehind.class.getName()))
                .map(Throwable::getStackTrace).findFirst();
    }

    /** The value to show when the snippet is an expression; declarations and statements show none. */
    private CellResult valueOf(Snippet snippet) {
        if (snippet instanceof VarSnippet var
                && var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return CellResult.value(session.temporary());
        }
        if (snippet instanceof ExpressionSnippet expression
                && expression.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            return session.variableSnippet(expression.name())
                    .map(v -> CellResult.value(session.value(v))).orElse(CellResult.nothing());
        }
        return CellResult.nothing();
    }
}
