package io.tinymlaas.magics;

import java.util.List;

/**
 * A line magic such as {@code %target esp32}: one small class each, found by the kernel through
 * {@link java.util.ServiceLoader} (listed in META-INF/services/io.tinymlaas.magics.Magic).
 */
public interface Magic {

    /** The name after the percent sign. */
    String name();

    /** One line for %lsmagic and errors: what it does and its arguments. */
    String usage();

    /**
     * Runs the magic. The returned object is displayed as a cell's value would be (null shows
     * nothing). A bad argument throws {@link IllegalArgumentException} with a message that names
     * the value and the fix.
     */
    Object run(String args, MagicContext context) throws Exception;

    /** Completions for the argument being typed; {@code prefix} is the text typed so far. */
    default List<String> complete(String prefix, MagicContext context) {
        return List.of();
    }
}
