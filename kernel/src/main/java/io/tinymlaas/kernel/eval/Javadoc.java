package io.tinymlaas.kernel.eval;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReferenceTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.SeeTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.util.SimpleDocTreeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A javadoc comment as text for the pager and the inspector: paragraphs, lists and code in
 * Markdown's light marks (readable as plain text), then its parameters, result and exceptions.
 * No HTML tag reaches the user.
 */
final class Javadoc {
    private static final Map<String, String> ENTITIES = Map.of(
            "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'", "nbsp", " ", "mdash", "—", "ndash", "–");

    private Javadoc() {
    }

    /** The raw text of a doc comment (as JShell gives it for the JDK's classes). */
    static String toText(String comment) {
        return JavaSource.parse("Doc", "/**" + comment.replace("*/", "*&#47;") + "*/ class Doc {}")
                .docOfFirstClass().map(Javadoc::render).orElse(comment.strip());
    }

    static String render(DocCommentTree doc) {
        StringBuilder text = new StringBuilder(inline(doc.getFullBody()));
        List<String> params = new ArrayList<>();
        List<String> thrown = new ArrayList<>();
        List<String> seeAlso = new ArrayList<>();
        String returns = null;
        for (DocTree tag : doc.getBlockTags()) {
            switch (tag.getKind()) {
                case PARAM -> {
                    ParamTree p = (ParamTree) tag;
                    String name = p.isTypeParameter() ? "<" + p.getName() + ">" : p.getName().toString();
                    params.add("- `" + name + "` — " + inline(p.getDescription()));
                }
                case RETURN -> returns = inline(((ReturnTree) tag).getDescription());
                case THROWS, EXCEPTION -> {
                    ThrowsTree t = (ThrowsTree) tag;
                    thrown.add("- `" + t.getExceptionName() + "` — " + inline(t.getDescription()));
                }
                case SEE -> seeAlso.add(inline(((SeeTree) tag).getReference()));
                default -> {
                }
            }
        }
        section(text, "Parameters:", params);
        if (returns != null && !returns.isBlank()) {
            text.append("\n\nReturns: ").append(returns);
        }
        section(text, "Throws:", thrown);
        if (!seeAlso.isEmpty()) {
            text.append("\n\nSee also: ").append(String.join(", ", seeAlso));
        }
        return tidy(text.toString());
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            text.append("\n\n").append(title).append('\n').append(String.join("\n", lines));
        }
    }

    private static String inline(List<? extends DocTree> trees) {
        Inline visitor = new Inline();
        trees.forEach(t -> t.accept(visitor, null));
        return visitor.out.toString().strip();
    }

    /** Blank lines at most two in a row, no trailing blanks, lines outside code blocks stripped. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().equals("```")) {
                code = !code;
            }
            out.append(code ? line.stripTrailing() : line.strip()).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Inline content: text with its line breaks joined (except in {@code <pre>}), tags as marks. */
    private static final class Inline extends SimpleDocTreeVisitor<Void, Void> {
        private final StringBuilder out = new StringBuilder();
        private boolean pre;
        private int preStart;

        @Override
        public Void visitText(TextTree node, Void unused) {
            out.append(pre ? node.getBody() : node.getBody().replaceAll("\\s+", " "));
            return null;
        }

        @Override
        public Void visitLiteral(LiteralTree node, Void unused) {
            String body = node.getBody().getBody();
            out.append(node.getKind() == DocTree.Kind.CODE && !pre ? "`" + body.strip() + "`" : body);
            return null;
        }

        @Override
        public Void visitLink(LinkTree node, Void unused) {
            if (!node.getLabel().isEmpty()) {
                out.append(inline(node.getLabel()));
            } else {
                node.getReference().accept(this, null);
            }
            return null;
        }

        /** {@code Math#absExact(int)} as {@code `Math.absExact(int)`}, {@code #fit} as {@code `fit`}. */
        @Override
        public Void visitReference(ReferenceTree node, Void unused) {
            String reference = node.getSignature();
            out.append('`').append(reference.startsWith("#") ? reference.substring(1) : reference.replace('#', '.'))
                    .append('`');
            return null;
        }

        @Override
        public Void visitEntity(EntityTree node, Void unused) {
            out.append(ENTITIES.getOrDefault(node.getName().toString(), "&" + node.getName() + ";"));
            return null;
        }

        @Override
        public Void visitStartElement(StartElementTree node, Void unused) {
            switch (node.getName().toString().toLowerCase()) {
                case "p", "ul", "ol", "dl", "table" -> out.append("\n\n");
                case "br", "tr", "dt" -> out.append('\n');
                case "li" -> out.append("\n- ");
                case "dd" -> out.append("\n  ");
                case "td", "th" -> out.append(" | ");
                case "code", "tt" -> out.append(pre ? "" : "`");
                case "b", "strong" -> out.append("**");
                case "i", "em", "var" -> out.append('*');
                case "h1", "h2", "h3", "h4", "h5", "h6" -> out.append("\n\n### ");
                case "pre" -> {
                    out.append("\n\n```\n");
                    pre = true;
                    preStart = out.length();
                }
                default -> {
                }
            }
            return null;
        }

        @Override
        public Void visitEndElement(EndElementTree node, Void unused) {
            switch (node.getName().toString().toLowerCase()) {
                case "code", "tt" -> out.append(pre ? "" : "`");
                case "b", "strong" -> out.append("**");
                case "i", "em", "var" -> out.append('*');
                case "ul", "ol", "dl", "table", "p", "h1", "h2", "h3", "h4", "h5", "h6" -> out.append("\n\n");
                case "pre" -> {
                    String code = out.substring(preStart);
                    out.setLength(preStart);
                    out.append(dedent(code)).append("\n```\n\n");
                    pre = false;
                }
                default -> {
                }
            }
            return null;
        }

        /** A code block without its blank first and last lines and the indent all its lines share. */
        private static String dedent(String code) {
            List<String> lines = new ArrayList<>(List.of(code.stripTrailing().split("\n", -1)));
            while (!lines.isEmpty() && lines.get(0).isBlank()) {
                lines.remove(0);
            }
            int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                    .min().orElse(0);
            return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
        }

        /** {@summary}, {@index}, {@value} and the rest: their text, without the braces. */
        @Override
        protected Void defaultAction(DocTree node, Void unused) {
            String raw = node.toString();
            out.append(raw.startsWith("{@") ? raw.replaceAll("^\\{@\\w+\\s*|}$", "") : raw);
            return null;
        }
    }
}
