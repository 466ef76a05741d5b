package io.tinymlaas.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns compile diagnostics and exceptions into Jupyter errors that name the cell's own lines and
 * show only the user's frames: nothing of the kernel, JShell or reflection below the user's code.
 */
final class ErrorFormatter {

    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";
    /** JShell names snippet classes REPL.$JShell$12 or REPL.$JShell$12$Inner. */
    private static final Pattern SNIPPET_CLASS = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]?\\$?");

    private static final String KERNEL_PACKAGE = "io.tinymlaas.kernel.";
    private static final String LIBRARY_PACKAGE = "io.tinymlaas.";
    /** Longest cycle of frames that recursion compression looks for (a toString through String.valueOf). */
    private static final int MAX_CYCLE = 6;

    private final SnippetOrigins origins;
    private final Function<DeclarationSnippet, List<String>> unresolved;

    ErrorFormatter(SnippetOrigins origins, Function<DeclarationSnippet, List<String>> unresolved) {
        this.origins = origins;
        this.unresolved = unresolved;
    }

    /** A compile error of {@code source}, which starts at 0-based {@code firstLine} of cell {@code cell}. */
    ErrorReport compileError(List<Diag> diags, String source, int cell, int firstLine) {
        List<String> traceback = new ArrayList<>();
        String first = null;
        for (Diag diag : diags) {
            if (!diag.isError()) {
                continue;
            }
            int position = (int) Math.max(0, Math.min(diag.getStartPosition(), source.length()));
            int lineInSnippet = CellSplitter.lineOf(source, position);
            int lineStart = source.lastIndexOf('\n', position - 1) + 1;
            int lineEnd = source.indexOf('\n', position);
            String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            String message = diag.getMessage(Locale.ROOT);
            String where = "line " + (firstLine + lineInSnippet + 1);
            if (first == null) {
                first = where + ": " + message.lines().findFirst().orElse(message);
            }
            traceback.add(RED + "Compile error at " + where + " of cell [" + cell + "]" + RESET + ": " + message);
            traceback.add("    " + text);
            traceback.add("    " + " ".repeat(Math.max(0, position - lineStart)) + "^");
        }
        return new ErrorReport("CompilationError", first == null ? "the cell does not compile" : first, traceback);
    }

    /**
     * An exception of a snippet (or of showing a value): its name and message, the cell lines and
     * the user's frames, then each cause that says something the messages above did not.
     */
    ErrorReport exception(Throwable exception) {
        return exception(exception, "");
    }

    /** A cell whose value could not be shown: its toString() (or a renderer) threw. */
    ErrorReport unshowable(int cell, Throwable exception) {
        return exception(exception, "the value of cell [" + cell + "] could not be shown: ");
    }

    private ErrorReport exception(Throwable exception, String context) {
        List<String> traceback = new ArrayList<>();
        traceback.add(RED + name(exception) + RESET + (message(exception).isEmpty() ? "" : ": " + message(exception)));
        traceback.addAll(userFrames(exception.getStackTrace()));
        StringBuilder said = new StringBuilder(name(exception)).append(' ').append(message(exception));
        Throwable enclosing = exception;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(exception);
        // The library's own errors already say what their causes mean (a missing board, not jSerialComm's words).
        boolean explained = name(exception).startsWith(LIBRARY_PACKAGE) && !message(exception).isEmpty();
        for (Throwable cause = explained ? null : exception.getCause(); cause != null && seen.add(cause);
             cause = cause.getCause()) {
            if (addsSomething(cause, said)) {
                traceback.add("Caused by: " + RED + name(cause) + RESET
                        + (message(cause).isEmpty() ? "" : ": " + message(cause)));
                traceback.addAll(ownUserFrames(cause.getStackTrace(), enclosing.getStackTrace()));
                said.append('\n').append(name(cause)).append(' ').append(message(cause));
            }
            enclosing = cause;
        }
        String evalue = message(exception);
        if (!context.isEmpty()) {
            traceback.add(0, RED + "Error" + RESET + ": " + context.substring(0, context.length() - 2));
            evalue = context + name(exception) + (evalue.isEmpty() ? "" : ": " + evalue);
        }
        return new ErrorReport(name(exception), evalue, traceback);
    }

    /**
     * A cause says something new when its message (or, without one, its kind) was not said above,
     * and it is not a mere wrapper whose message is its own cause.
     */
    private boolean addsSomething(Throwable cause, CharSequence said) {
        String message = message(cause);
        Throwable inner = cause.getCause();
        if (inner != null && message.equals(name(inner) + (message(inner).isEmpty() ? "" : ": " + message(inner)))) {
            return false;
        }
        String text = said.toString();
        if (message.isEmpty()) {
            String simple = name(cause).substring(name(cause).lastIndexOf('.') + 1);
            return !text.contains(simple);
        }
        return !text.contains(message);
    }

    /** A cause's snippet frames that its enclosing exception's trace does not already show. */
    private List<String> ownUserFrames(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int own = frames.length;
        for (int e = enclosing.length - 1; own > 0 && e >= 0 && frames[own - 1].equals(enclosing[e]); e--) {
            own--;
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < own; i++) {
            if (isSnippetFrame(frames[i])) {
                lines.add("    at " + describe(frames[i]));
            }
        }
        return compress(lines);
    }

    ErrorReport interrupted(int cell, int firstLine) {
        return new ErrorReport("Interrupted", "cell [" + cell + "] stopped at line " + (firstLine + 1),
                List.of(RED + "Interrupted" + RESET + ": the cell was stopped; earlier variables are kept"));
    }

    /** An interrupted cell whose thread was blocked where a stop cannot reach (native I/O, a monitor). */
    ErrorReport leftBehind(int cell, StackTraceElement[] stack) {
        String where = blockedIn(stack);
        return new ErrorReport("Interrupted", "cell [" + cell + "] was blocked in " + where,
                List.of(RED + "Interrupted" + RESET + ": the cell was blocked in " + where + ".",
                        "Its thread could not be stopped and was left behind; it ends when that wait ends",
                        "(close the socket, stream or process it waits for). Earlier variables are kept."));
    }

    /** The call the user's code was blocked in and the cell line it was called from. */
    private String blockedIn(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (isSnippetFrame(stack[i])) {
                String line = describe(stack[i]);
                return i == 0 ? line : stack[i - 1].getClassName() + "." + stack[i - 1].getMethodName() + " at " + line;
            }
        }
        return stack.length == 0 ? "an unknown place" : stack[0].getClassName() + "." + stack[0].getMethodName();
    }

    private static String name(Throwable t) {
        if (t instanceof EvalException eval) {
            return eval.getExceptionClassName();
        }
        if (t instanceof UnresolvedReferenceException) {
            return "UnresolvedReference";
        }
        return t.getClass().getName();
    }

    /** "g cannot be used until h is defined" for a declaration that refers to something missing. */
    String waitingFor(DeclarationSnippet snippet) {
        List<String> missing = unresolved.apply(snippet);
        return snippet.name() + " cannot be used until " + (missing.isEmpty() ? "what it refers to"
                : String.join(", ", missing)) + " is defined";
    }

    private String message(Throwable t) {
        if (t instanceof UnresolvedReferenceException unresolved) {
            return waitingFor(unresolved.getSnippet()) + ": define it, then run this cell again";
        }
        return t.getMessage() == null ? "" : t.getMessage();
    }

    /**
     * The user's frames: the snippets' own, and the call each made into the JDK or a library (which
     * method failed). Above them is the library's inside, below the last one only machinery.
     */
    List<String> userFrames(StackTraceElement[] frames) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            boolean called = i + 1 < frames.length && isSnippetFrame(frames[i + 1]);
            // The kernel's own frames (the exit guard, display helpers) are not the user's concern.
            if ((isSnippetFrame(frames[i]) || called) && !frames[i].getClassName().startsWith(KERNEL_PACKAGE)) {
                lines.add("    at " + describe(frames[i]));
            }
        }
        return compress(lines);
    }

    /**
     * Recursion shows its frames once and how often they repeat, not a thousand lines. A line that
     * merely appears twice (JShell's wrapper methods of one cell line) is shown once.
     */
    static List<String> compress(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int bestPeriod = 1;
            int bestRepeats = 0;
            for (int period = 1; period <= MAX_CYCLE && i + 2 * period <= lines.size(); period++) {
                int repeats = repeatsOf(lines, i, period);
                if (repeats * period > bestRepeats * bestPeriod) {
                    bestPeriod = period;
                    bestRepeats = repeats;
                }
            }
            if (bestPeriod == 1 && bestRepeats == 1) {
                out.add(lines.get(i));
                i += 2;
            } else if (bestRepeats >= 2) {
                out.addAll(lines.subList(i, i + bestPeriod));
                out.add(bestPeriod == 1 ? "    ... the same frame " + bestRepeats + " more times"
                        : "    ... the " + bestPeriod + " frames above " + bestRepeats + " more times");
                i += (bestRepeats + 1) * bestPeriod;
            } else {
                out.add(lines.get(i));
                i++;
            }
        }
        return out;
    }

    /** How many times lines [start, start + period) repeat right after themselves. */
    private static int repeatsOf(List<String> lines, int start, int period) {
        int repeats = 0;
        int next = start + period;
        while (next + period <= lines.size() && lines.subList(next, next + period).equals(lines.subList(start, start + period))) {
            repeats++;
            next += period;
        }
        return repeats;
    }

    /** A frame of a snippet: as JShell reports it ("#12"), or raw, from a live thread's stack. */
    private static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#")
                || SNIPPET_CLASS.matcher(frame.getClassName()).find();
    }

    private String describe(StackTraceElement frame) {
        if (!isSnippetFrame(frame)) {
            return frame.toString();
        }
        Matcher m = SNIPPET_CLASS.matcher(frame.getClassName());
        String owner = m.replaceFirst("");
        String method = frame.getMethodName();
        if (frame.getFileName() == null || !frame.getFileName().startsWith("#")) {
            // A raw frame (a value's toString on a live thread): JShell did not map it to a cell line.
            return (owner.isEmpty() ? "" : owner + ".") + method + " (in a cell)";
        }
        SnippetOrigins.Origin origin = origins.find(frame.getFileName().substring(1));
        String where = origin == null ? "snippet " + frame.getFileName() + ", line " + frame.getLineNumber()
                : "cell [" + origin.cell() + "], line " + (origin.firstLine() + frame.getLineNumber());
        // JShell blanks the class and the do_it$ method of top-level statements: name only the place.
        return method.isEmpty() || method.startsWith("do_it$") ? where : (owner.isEmpty() ? method : owner + "." + method) + " (" + where + ")";
    }
}
