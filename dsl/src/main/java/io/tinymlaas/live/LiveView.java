package io.tinymlaas.live;

import io.tinymlaas.Displayable;

/**
 * A display whose browser side talks back to Java (the drawing pad). The kernel shows its
 * {@link #toHtml()}, runs its {@link #script()} in the page, and when that script opens its link,
 * hands the link to {@link #connected}. Outside a notebook nothing connects and the view works
 * from Java alone.
 */
public interface LiveView extends Displayable {

    /** Names this view, so that its browser side finds it again. */
    String viewId();

    /**
     * The body of a JavaScript function run in the page with two arguments: {@code root}, the element
     * holding {@link #toHtml()}, and {@code link}, which has {@code send(object)},
     * {@code onMessage(function(data))}, {@code onClose(function())} and {@code connected} (false
     * where no kernel is reachable, e.g. a notebook saved and opened elsewhere).
     */
    String script();

    /** The browser side opened a link (again after a reload or a re-run). */
    void connected(Link link);
}
