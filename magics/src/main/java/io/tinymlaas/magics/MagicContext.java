package io.tinymlaas.magics;

import java.util.List;
import java.util.Optional;

/** What a magic may see of the notebook it runs in. */
public interface MagicContext {

    /** The current value of a notebook variable. */
    Optional<Object> variable(String name);

    /** Names of the notebook's variables, in declaration order. */
    List<String> variableNames();
}
