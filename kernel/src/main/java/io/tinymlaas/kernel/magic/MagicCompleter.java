package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.eval.MagicCompletions;
import io.tinymlaas.magics.Magic;

import java.util.Collection;
import java.util.List;

/** Completes magic names from the catalog and their arguments from each magic's own {@code complete}. */
public final class MagicCompleter implements MagicCompletions {

    private final MagicCatalog catalog;
    private final SessionMagicContext context;

    public MagicCompleter(MagicCatalog catalog, SessionMagicContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @Override
    public Collection<String> names() {
        return catalog.names();
    }

    @Override
    public List<String> arguments(String name, String prefix) {
        Magic magic = catalog.find(name);
        try {
            return magic == null ? List.of() : magic.complete(prefix, context);
        } catch (RuntimeException e) {
            // A magic's completion failing must not break typing.
            return List.of();
        }
    }
}
