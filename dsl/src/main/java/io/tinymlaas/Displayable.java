package io.tinymlaas;

/**
 * Something that shows itself well in a notebook cell. The kernel renders any object that
 * implements it; the DSL depends on no Jupyter type. Return null for a form you do not have.
 */
public interface Displayable {

    /** An HTML fragment for the cell, or null. */
    default String toHtml() {
        return null;
    }

    /** A PNG image for the cell, or null. */
    default byte[] toPng() {
        return null;
    }
}
