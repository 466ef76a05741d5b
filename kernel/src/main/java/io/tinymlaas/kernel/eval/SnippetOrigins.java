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

    /** The 1-based cell line of {@code snippetLine} (1-based within the snippet), or null if unknown. */
    Origin find(String snippetId) {
        return bySnippetId.get(snippetId);
    }
}
