package io.tinymlaas.kernel.eval;

import java.util.Collection;
import java.util.List;

/** What completion needs to know of magics: their names, and each one's argument completions. */
public interface MagicCompletions {

    Collection<String> names();

    /** Candidates for the argument of {@code %name} being typed; {@code prefix} is the text typed so far. */
    List<String> arguments(String name, String prefix);

    /** No magics: for code assistance that only documents symbols. */
    MagicCompletions NONE = new MagicCompletions() {
        @Override
        public Collection<String> names() {
            return List.of();
        }

        @Override
        public List<String> arguments(String name, String prefix) {
            return List.of();
        }
    };
}
