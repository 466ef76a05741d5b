package io.tinymlaas.kernel.display;

/** Content already in a MIME type, made by {@link Notebook#html}, {@link Notebook#markdown}, {@link Notebook#image}. */
public record MimeContent(String mime, Object data, String text) {

    @Override
    public String toString() {
        return text;
    }
}
