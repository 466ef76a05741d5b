package io.tinymlaas.kernel.eval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each JShell snippet came from: the cell (execution count) and the cell line it starts on. */
final class SnippetOrigins {

    record Origin(int cell, int firstLine) {
    }

    private final Map<String, Origin> bySnippetId = new ConcurrentHashMap<>();

    void record(String snippetId, int cell, int firstLine) {
        bySnippetId.put(snippetId, new Origin(cell, firstLine));
    }

    /** Where the snippet with this id came from, or null for snippets the kernel did not run from a cell. */
    Origin find(String snippetId) {
        return bySnippetId.get(snippetId);
    }
}
