package io.tinymlaas.nn;

import java.util.List;

/**
 * Listeners every fit gets without asking, found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.tinymlaas.nn.TrainingListenerProvider}): the notebook kernel
 * supplies its live chart and its ■ handling this way. The library itself registers none.
 */
public interface TrainingListenerProvider {

    /** Fresh listeners for one fit; none when not in the environment they are for (e.g. outside a notebook). */
    List<TrainingListener> listeners();
}
