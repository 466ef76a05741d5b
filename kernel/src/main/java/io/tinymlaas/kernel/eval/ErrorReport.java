package io.tinymlaas.kernel.eval;

import java.util.List;

/** An error as Jupyter shows it: the exception's name, its message, and the traceback lines. */
public record ErrorReport(String ename, String evalue, List<String> traceback) {
}
