package io.tinymlaas.kernel.eval;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.VarSnippet;

import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Where JShell looks for the JDK's javadoc (Debian's openjdk-17-source puts it there). */
    private static final Path JDK_SOURCES = Path.of(System.getProperty("java.home"), "lib", "src.zip");
    private static final String JDK_DOCS_MISSING = "(The JDK's own javadoc is not installed on this machine: "
            + "`sudo apt-get install --no-install-recommends openjdk-17-source` adds it. On Debian it comes with "
            + "the archive's latest 17.0.x update of the JDK, which apt then installs too.)";

    private final JShellSession session;
    private final MagicCompletions magics;
    private final DslSources dslSources = new DslSources(CodeAssist.class.getClassLoader());
    private boolean jdkDocsMissingSaid;

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
        // The magic sees all its arguments so far (%deploy q to |), the match replaces the last word.
        String argument = typed.substring(typed.lastIndexOf(' ') + 1);
        List<String> candidates = magics.arguments(typed.substring(0, space), typed.substring(space + 1)).stream()
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
        String symbol = code.substring(start, end);
        return documentation(upToSymbol, symbolEnd).or(() -> documentation(upToSymbol + "(", symbolEnd + 1))
                .or(() -> membersOfType(symbol));
    }

    private Optional<String> documentation(String code, int cursor) {
        List<Documentation> docs = session.analysis().documentation(code, cursor, true);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(docs.stream().map(this::describe).distinct().collect(Collectors.joining("\n\n")));
    }

    /** JShell's signature with the javadoc: JShell's own for the JDK (from src.zip), the shipped sources' for the DSL. */
    private String describe(Documentation doc) {
        if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
            return doc.signature() + "\n\n" + Javadoc.toText(doc.javadoc());
        }
        MemberSignature signature = MemberSignature.parse(doc.signature());
        String owner = qualifiedName(signature.owner());
        Optional<String> text = signature.member().isEmpty() ? dslSources.classDoc(owner)
                : dslSources.members(owner, signature.member()).stream()
                        .filter(m -> signature.takes(m.parameterTypes())).map(DslSources.Doc::text).findFirst();
        return text.filter(t -> !t.isBlank()).map(t -> doc.signature() + "\n\n" + t)
                .orElseGet(() -> doc.signature() + jdkDocsMissing(owner));
    }

    /**
     * {@code Model.fit} or {@code model.fit}: JShell documents only what could be called right there
     * (not an instance method on a class name), so every member of that name in the DSL's sources.
     */
    private Optional<String> membersOfType(String symbol) {
        int dot = symbol.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String qualifier = symbol.substring(0, dot);
        String owner = qualifiedName(session.variableSnippet(qualifier).map(VarSnippet::typeName).orElse(qualifier));
        List<DslSources.Doc> docs = dslSources.members(owner, symbol.substring(dot + 1));
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(docs.stream().map(d -> d.text().isBlank() ? d.declaration() : d.declaration() + "\n\n" + d.text())
                .collect(Collectors.joining("\n\n")));
    }

    /** A type's qualified name as the notebook's imports resolve it, without type arguments. */
    private String qualifiedName(String type) {
        String plain = MemberSignature.eraseGenerics(type);
        return session.analysis().documentation(plain, plain.length(), false).stream()
                .map(Documentation::signature).filter(s -> !s.contains("(") && !s.contains(":"))
                .findFirst().map(MemberSignature::eraseGenerics).orElse(plain);
    }

    /** Said once a session, the first time a JDK class has no javadoc to show. */
    private String jdkDocsMissing(String owner) {
        if (jdkDocsMissingSaid || !owner.matches("(java|javax|jdk)\\..+") || Files.exists(JDK_SOURCES)) {
            return "";
        }
        jdkDocsMissingSaid = true;
        return "\n\n" + JDK_DOCS_MISSING;
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
