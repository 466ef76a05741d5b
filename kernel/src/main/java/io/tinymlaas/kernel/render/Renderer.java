package io.tinymlaas.kernel.render;

/** Shows one kind of object in a cell. Each implementation is small and handles one kind. */
public interface Renderer {

    boolean accepts(Object value);

    /** Adds this kind's forms to the bundle; text/plain is already there and may be replaced. */
    void render(Object value, MimeBundle bundle) throws Exception;
}
