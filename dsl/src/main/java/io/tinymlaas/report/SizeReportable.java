package io.tinymlaas.report;

import io.tinymlaas.target.Target;

/**
 * A model that can tell its size on a board: {@code QuantizedModel} and {@code Model} implement it
 * so that {@code %size q} finds the report without knowing their classes.
 */
public interface SizeReportable {
    SizeReport sizeReport(Target target);
}
