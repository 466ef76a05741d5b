package io.tinymlaas.kernel.display;

import io.tinymlaas.Displayable;
import io.tinymlaas.live.LiveDisplay;

import java.util.UUID;

/** A live stream's display in a notebook: shown once, then replaced in place (update_display_data). */
public final class NotebookLiveDisplay implements LiveDisplay {

    private final String id = "live-" + UUID.randomUUID();
    private boolean shown;

    @Override
    public synchronized void show(Displayable content) {
        if (shown) {
            Notebook.updateDisplay(id, content);
        } else {
            Notebook.display(content, id);
            shown = true;
        }
    }
}
