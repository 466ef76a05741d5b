package io.tinymlaas.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts Java source into the snippets JShell evaluates one by one (imports, declarations,
 * statements, a final expression), remembering the cell line each one starts on.
 */
final class CellSplitter {

    /** One snippet's source and the 0-based line of the code it came from where it starts. */
    record Piece(String source, int line) {
    }

    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Piece> split(String code) {
        List<Piece> pieces = new ArrayList<>();
        int consumed = 0;
        while (consumed < code.length() && !code.substring(consumed).isBlank()) {
            String rest = code.substring(consumed);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            int start = consumed + leadingWhitespace(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete() || info.source() == null) {
                // Incomplete: hand the rest to the compiler so it reports the error at its line.
                pieces.add(new Piece(code.substring(start), lineOf(code, start)));
                break;
            }
            // JShell keeps blank lines before a snippet in its source but not in its line numbers: strip them.
            pieces.add(new Piece(info.source().stripLeading(), lineOf(code, start)));
            consumed = code.length() - info.remaining().length();
        }
        return pieces;
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
