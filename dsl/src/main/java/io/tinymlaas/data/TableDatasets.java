package io.tinymlaas.data;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Tablesaw tables and CSV files as datasets: one row a sample. */
final class TableDatasets {
    private TableDatasets() {
    }

    static Dataset fromCsv(Path csv, String labelColumn) {
        if (!java.nio.file.Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no CSV file at " + csv.toAbsolutePath());
        }
        return fromTable(Table.read().csv(csv.toFile()), labelColumn).named(csv.getFileName().toString());
    }

    static Dataset fromTable(Table table, String labelColumn) {
        if (!table.columnNames().contains(labelColumn)) {
            throw new IllegalArgumentException("table " + table.name() + " has no column \"" + labelColumn
                    + "\"; its columns are " + table.columnNames());
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no rows");
        }
        List<NumericColumn<?>> features = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c.name().equals(labelColumn)) {
                continue;
            }
            if (!(c instanceof NumericColumn<?> n)) {
                throw new IllegalArgumentException("column \"" + c.name() + "\" is " + c.type()
                        + ", not numeric: remove it or encode it as numbers before making a dataset");
            }
            features.add(n);
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("table " + table.name() + " has no feature column besides \"" + labelColumn + "\"");
        }
        int rows = table.rowCount();
        int width = features.size();
        float[] inputs = new float[rows * width];
        for (int f = 0; f < width; f++) {
            NumericColumn<?> c = features.get(f);
            for (int r = 0; r < rows; r++) {
                if (c.isMissing(r)) {
                    throw new IllegalArgumentException("column \"" + c.name() + "\" has no value in row " + r);
                }
                inputs[r * width + f] = (float) c.getDouble(r);
            }
        }
        Shape shape = Shape.of(width);
        Samples samples = Samples.ofFloats(shape, inputs);
        Column<?> label = table.column(labelColumn);
        String name = table.name() == null ? "table" : table.name();
        if (label instanceof DoubleColumn || label instanceof FloatColumn) {
            NumericColumn<?> y = (NumericColumn<?>) label;
            float[] targets = new float[rows];
            for (int r = 0; r < rows; r++) {
                targets[r] = (float) y.getDouble(r);
            }
            return Dataset.regressionNamed(name, samples, targets, Shape.of(1));
        }
        if (label instanceof NumericColumn<?> y) {
            int[] labels = new int[rows];
            int max = 0;
            for (int r = 0; r < rows; r++) {
                labels[r] = (int) y.getDouble(r);
                if (labels[r] < 0) {
                    throw new IllegalArgumentException("label " + labels[r] + " in row " + r
                            + " is negative: classes are numbered from 0");
                }
                max = Math.max(max, labels[r]);
            }
            return Dataset.classification(name, samples, labels, Dataset.numberNames(max + 1));
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (int r = 0; r < rows; r++) {
            distinct.add(label.getString(r));
        }
        List<String> names = new ArrayList<>(distinct);
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = names.indexOf(label.getString(r));
        }
        return Dataset.classification(name, samples, labels, names);
    }
}
