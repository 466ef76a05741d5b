package io.tinymlaas;

import io.tinymlaas.target.Target;

/**
 * The few calls a JShell user types to do what the magics do: {@code TinyML.target("esp32")} is
 * {@code %target esp32}. One {@link Session} per JVM: a kernel runs one notebook.
 */
public final class TinyML {
    private static final Session SESSION = new Session();

    private TinyML() {
    }

    public static Session session() {
        return SESSION;
    }

    /** Sets the current target: {@code TinyML.target("nrf52840")}. */
    public static Target target(String name) {
        return SESSION.target(name).target();
    }

    /** The current target (esp32 until set). */
    public static Target target() {
        return SESSION.target();
    }
}
