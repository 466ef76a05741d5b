package io.tinymlaas.kernel.eval;

import java.util.Collection;
import java.util.List;

/** What completion needs to know of magics: their names, and each one's argument completions. */
public interface MagicCompletions {

    Collection<String> names();

    /** Candidates for the argument of {@code %name} being typed; {@code prefix} is the text typed so far. */
    List<String> arguments(String name, String prefix);
}
