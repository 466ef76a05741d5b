package io.tinymlaas.kernel.eval;

/** Runs one {@code %name args} line of a cell. */
public interface MagicHandler {

    CellResult run(String line);
}
