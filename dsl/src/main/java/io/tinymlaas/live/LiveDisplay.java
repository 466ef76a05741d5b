package io.tinymlaas.live;

import io.tinymlaas.Displayable;

/**
 * One display that a live stream ({@link DeployedModel#live}) shows and then replaces in place. A
 * notebook kernel provides its own through {@link LiveDisplays#use}; elsewhere (JShell, a program)
 * each update prints one line of text.
 */
public interface LiveDisplay {

    /** Shows {@code content} the first time, or replaces what this display showed before. */
    void show(Displayable content);
}
