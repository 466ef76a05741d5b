package io.tinymlaas.magics;

/** A magic's result to read in the notebook's pager (the pane Shift-Tab and {@code %doc} open), not in the cell. */
public record Page(String text) {
}
