package io.tinymlaas.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
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

    ErrorReport exception(JShellException exception) {
        List<String> traceback = new ArrayList<>();
        String ename = name(exception);
        String evalue = message(exception);
        Throwable current = exception;
        String prefix = "";
        while (current != null) {
            traceback.add(prefix + RED + name(current) + RESET + (message(current).isEmpty() ? "" : ": " + message(current)));
            traceback.addAll(userFrames(current.getStackTrace()));
            current = current.getCause();
            prefix = "Caused by: ";
        }
        return new ErrorReport(ename, evalue, traceback);
    }

    ErrorReport interrupted(int cell, int firstLine) {
        return new ErrorReport("Interrupted", "cell [" + cell + "] stopped at line " + (firstLine + 1),
                List.of(RED + "Interrupted" + RESET + ": the cell was stopped; earlier variables are kept"));
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

    /** Frames down to the last frame of the user's own snippets; below it is only machinery. */
    List<String> userFrames(StackTraceElement[] frames) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isSnippetFrame(frames[i])) {
                last = i;
            }
        }
        List<String> lines = new ArrayList<>();
        String previous = null;
        int repeats = 0;
        for (int i = 0; i <= last; i++) {
            // The kernel's own frames (the exit guard, display helpers) are not the user's concern.
            if (frames[i].getClassName().startsWith(KERNEL_PACKAGE)) {
                continue;
            }
            String line = "    at " + describe(frames[i]);
            if (line.equals(previous)) {
                repeats++;
                continue;
            }
            addRepeats(lines, repeats);
            lines.add(line);
            previous = line;
            repeats = 0;
        }
        addRepeats(lines, repeats);
        return lines;
    }

    /** Deep recursion shows its frame once and how often it repeats, not a thousand lines. */
    private static void addRepeats(List<String> lines, int repeats) {
        if (repeats > 0) {
            lines.add("    ... the same frame " + repeats + " more time" + (repeats == 1 ? "" : "s"));
        }
    }

    private static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    private String describe(StackTraceElement frame) {
        if (!isSnippetFrame(frame)) {
            return frame.toString();
        }
        Matcher m = SNIPPET_CLASS.matcher(frame.getClassName());
        String owner = m.replaceFirst("");
        String method = frame.getMethodName();
        SnippetOrigins.Origin origin = origins.find(frame.getFileName().substring(1));
        String where = origin == null ? "snippet " + frame.getFileName() + ", line " + frame.getLineNumber()
                : "cell [" + origin.cell() + "], line " + (origin.firstLine() + frame.getLineNumber());
        // JShell blanks the class and the do_it$ method of top-level statements: name only the place.
        return method.isEmpty() || method.startsWith("do_it$") ? where : (owner.isEmpty() ? method : owner + "." + method) + " (" + where + ")";
    }
}
