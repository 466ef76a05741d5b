package io.tinymlaas.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a front end asks while the user types: completions, docs of a symbol, is the cell complete. */
public final class CodeAssist {

    /** Replacements for {@code code[start, end)}. */
    public record Completion(List<String> matches, int start, int end) {
    }

    /** "complete", "incomplete" (with the indent for the next line) or "invalid". */
    public record Completeness(String status, String indent) {
    }

    private final JShellSession session;
    private final MagicCompletions magics;

    public CodeAssist(JShellSession session, MagicCompletions magics) {
        this.session = session;
        this.magics = magics;
    }

    public Completion complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String linePrefix = code.substring(lineStart, cursor);
        if (CellSegment.isMagic(linePrefix) || linePrefix.strip().equals("%")) {
            return completeMagic(linePrefix.stripLeading().substring(1), cursor);
        }
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                session.analysis().completionSuggestions(code, cursor, anchor);
        Set<String> matches = new LinkedHashSet<>();
        // Suggestions matching the expected type first, as JShell's own tool lists them.
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(List.copyOf(matches), anchor[0], cursor);
    }

    /** {@code %na} completes the magic's name, {@code %name ar} the magic's argument. */
    private Completion completeMagic(String typed, int cursor) {
        int space = typed.indexOf(' ');
        if (space < 0) {
            List<String> names = magics.names().stream().filter(n -> n.startsWith(typed)).sorted()
                    .collect(Collectors.toList());
            return new Completion(names, cursor - typed.length(), cursor);
        }
        String argument = typed.substring(typed.lastIndexOf(' ') + 1);
        List<String> candidates = magics.arguments(typed.substring(0, space), argument).stream()
                .filter(c -> c.startsWith(argument)).collect(Collectors.toList());
        return new Completion(candidates, cursor - argument.length(), cursor);
    }

    /**
     * Signature and javadoc of the symbol at the cursor. Front ends put the cursor at the END of
     * the identifier, where JShell finds nothing for a method unless it sees the opening paren.
     */
    public Optional<String> inspect(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int start = end;
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
            start--;
        }
        if (start == end) {
            return Optional.empty();
        }
        // A notebook variable shows its type and value; JShell would only say "name:type".
        Optional<String> variable = session.variableSnippet(code.substring(start, end))
                .map(v -> v.typeName() + " " + v.name() + " = " + render(session.value(v)));
        if (variable.isPresent()) {
            return variable;
        }
        String upToSymbol = code.substring(0, end);
        int symbolEnd = end;
        return documentation(upToSymbol, symbolEnd).or(() -> documentation(upToSymbol + "(", symbolEnd + 1));
    }

    private Optional<String> documentation(String code, int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = session.analysis().documentation(code, cursor, true);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(docs.stream()
                .map(d -> d.javadoc() == null || d.javadoc().isBlank()
                        ? d.signature() : d.signature() + "\n\n" + Javadoc.toText(d.javadoc()))
                .distinct().collect(Collectors.joining("\n\n")));
    }

    private static String render(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return "(toString() threw " + e + ")";
        }
    }

    public Completeness isComplete(String code) {
        StringBuilder java = new StringBuilder();
        code.lines().forEach(line -> java.append(CellSegment.isMagic(line) ? "" : line).append('\n'));
        String rest = java.toString();
        while (!rest.isBlank()) {
            CompletionInfo info = session.analysis().analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return new Completeness("complete", "");
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    rest = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return new Completeness("incomplete", "    ".repeat(Math.max(1, openBraces(rest))));
                default:
                    return new Completeness("invalid", "");
            }
        }
        return new Completeness("complete", "");
    }

    private static int openBraces(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }
}
