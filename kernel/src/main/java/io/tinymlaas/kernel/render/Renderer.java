package io.tinymlaas.kernel.render;

/**
 * Shows one kind of object in a cell. Each implementation is small and handles one kind; which
 * kind is said once, where it is registered ({@link Renderers}).
 */
public interface Renderer<T> {

    /** Adds this kind's forms to the bundle; text/plain is already there and may be replaced. */
    void render(T value, MimeBundle bundle) throws Exception;
}
