package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.eval.JShellSession;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which notebook variables were last declared or assigned ({@code var q = …} or
 * {@code q = …}), heard from JShell's snippet events: what "the last quantized model" means.
 */
final class AssignmentOrder {

    private final Map<String, Long> stamps = new HashMap<>();
    private long clock;

    AssignmentOrder(JShellSession session) {
        session.onSnippetEvent(this::heard);
    }

    private synchronized void heard(SnippetEvent event) {
        if (event.causeSnippet() != null || !event.status().isDefined()) {
            return;
        }
        Snippet snippet = event.snippet();
        if (snippet instanceof VarSnippet var) {
            stamps.put(var.name(), ++clock);
        } else if (snippet instanceof ExpressionSnippet expression
                && expression.subKind() == Snippet.SubKind.ASSIGNMENT_SUBKIND) {
            stamps.put(expression.name(), ++clock);
        }
    }

    /** {@code names} (in declaration order) sorted by last assignment, most recent last. */
    synchronized List<String> sort(List<String> names) {
        return names.stream().sorted(Comparator.comparingLong(name -> stamps.getOrDefault(name, 0L))).toList();
    }
}
