package io.tinymlaas.live;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A two-way line between Java and a view in the browser; in a notebook the kernel makes one of a
 * Jupyter comm. Messages are JSON-like maps (maps, lists, strings, numbers, booleans; numbers
 * arrive as doubles). The library only sees this interface, never a Jupyter type.
 */
public interface Link {

    /** Sends one message to the browser; nothing happens once the link is closed. */
    void send(Map<String, ?> message);

    /** Called with each message from the browser, on the kernel's comm thread. */
    void onMessage(Consumer<Map<String, Object>> handler);

    /** Called once when either side closes the link (or the kernel restarts the page's side away). */
    void onClose(Runnable handler);

    void close();

    boolean isOpen();
}
