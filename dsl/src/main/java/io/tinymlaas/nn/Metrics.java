package io.tinymlaas.nn;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * How well a model does on a dataset: loss, accuracy, confusion matrix, per-class precision and recall.
 *
 * @param samples    how many samples were evaluated
 * @param loss       mean loss (cross-entropy or MSE)
 * @param correct    samples classified right
 * @param confusion  [true][predicted] counts, null for regression
 * @param classNames the names of the classes, in label order
 */
public record Metrics(int samples, double loss, int correct, int[][] confusion, List<String> classNames)
        implements Displayable {

    /** Keeps copies: a caller's array or list changed later does not change these metrics. */
    public Metrics {
        confusion = copy(confusion);
        classNames = List.copyOf(classNames);
    }

    /** The [true][predicted] counts (a copy), null for regression. */
    @Override
    public int[][] confusion() {
        return copy(confusion);
    }

    private static int[][] copy(int[][] counts) {
        if (counts == null) {
            return null;
        }
        int[][] rows = new int[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            rows[r] = counts[r].clone();
        }
        return rows;
    }

    /** Share of samples classified right (NaN for regression). */
    public double accuracy() {
        return confusion == null ? Double.NaN : (double) correct / samples;
    }

    /** Count of samples of true class {@code actual} predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return confusion[actual][predicted];
    }

    /** Of the samples predicted as class c, the share that are c (NaN when none is). */
    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    /** Of the samples of class c, the share predicted as c (NaN when there are none). */
    public double recall(int c) {
        int actual = 0;
        for (int v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
    }

    /** Rows: true class; columns: predicted class. */
    public Table confusionMatrix() {
        requireClasses();
        Table t = Table.create("confusion matrix", StringColumn.create("true \\ predicted"));
        for (String name : classNames) {
            t.addColumns(IntColumn.create(name));
        }
        for (int a = 0; a < confusion.length; a++) {
            t.stringColumn(0).append(classNames.get(a));
            for (int p = 0; p < confusion.length; p++) {
                t.intColumn(p + 1).append(confusion[a][p]);
            }
        }
        return t;
    }

    /** Columns class, precision, recall, support. */
    public Table perClass() {
        requireClasses();
        StringColumn name = StringColumn.create("class");
        DoubleColumn precision = DoubleColumn.create("precision");
        DoubleColumn recall = DoubleColumn.create("recall");
        IntColumn support = IntColumn.create("support");
        for (int c = 0; c < confusion.length; c++) {
            name.append(classNames.get(c));
            precision.append(precision(c));
            recall.append(recall(c));
            int n = 0;
            for (int v : confusion[c]) {
                n += v;
            }
            support.append(n);
        }
        return Table.create("per class", name, precision, recall, support);
    }

    private void requireClasses() {
        if (confusion == null) {
            throw new IllegalStateException("regression metrics have no classes: use loss()");
        }
    }

    @Override
    public String toHtml() {
        String summary = (confusion != null ? String.format("accuracy %.2f%%, ", 100 * accuracy()) : "")
                + String.format("loss %.4f on %d samples", loss, samples);
        return Html.card("evaluation", summary,
                confusion == null ? "" : Html.table(confusionMatrix()) + Html.table(perClass()));
    }

    @Override
    public String toString() {
        return confusion == null ? String.format("loss %.4f on %d samples", loss, samples)
                : String.format("accuracy %.4f, loss %.4f on %d samples", accuracy(), loss, samples);
    }
}
