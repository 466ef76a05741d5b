package io.tinymlaas.kernel.eval;

/**
 * What a cell left behind: the value of its final expression (if it ended in one), a page of
 * text for the pager (from %doc), or an error.
 */
public record CellResult(Object value, boolean hasValue, String page, ErrorReport error) {

    public static CellResult nothing() {
        return new CellResult(null, false, null, null);
    }

    public static CellResult value(Object value) {
        return new CellResult(value, true, null, null);
    }

    public static CellResult page(String text) {
        return new CellResult(null, false, text, null);
    }

    public static CellResult failed(ErrorReport error) {
        return new CellResult(null, false, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
