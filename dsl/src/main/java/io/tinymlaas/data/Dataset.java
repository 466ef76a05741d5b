package io.tinymlaas.data;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples with float inputs of one {@link Shape} and either class labels (classification) or
 * float targets (regression). A dataset is a view: {@link #take}, {@link #shuffle} and
 * {@link #split} share the samples and only reorder an index; batches copy just their samples.
 * A dataset that comes with a test part (Fashion-MNIST, or any {@link #split}) gives both
 * through {@link #train()} and {@link #test()}.
 */
public final class Dataset implements Displayable {
    private final String name;
    private final Samples inputs;
    private final int[] labels;          // per stored sample, null for regression
    private final List<String> classNames;
    private final float[] targets;       // per stored sample, null for classification
    private final Shape targetShape;
    private final int[] index;           // the view: positions → stored samples
    private final Dataset trainPart;
    private final Dataset testPart;

    private Dataset(String name, Samples inputs, int[] labels, List<String> classNames, float[] targets,
                    Shape targetShape, int[] index, Dataset trainPart, Dataset testPart) {
        this.name = name;
        this.inputs = inputs;
        this.labels = labels;
        this.classNames = classNames;
        this.targets = targets;
        this.targetShape = targetShape;
        this.index = index;
        this.trainPart = trainPart;
        this.testPart = testPart;
    }

    // ---- making datasets

    /** Classification samples: one float array per input (all of {@code shape}), one label each. */
    public static Dataset of(Shape shape, float[][] inputs, int[] labels) {
        return of(shape, flatten(shape, inputs), labels);
    }

    /** Classification samples stored back to back in {@code inputs}. Classes are 0..max(label). */
    public static Dataset of(Shape shape, float[] inputs, int[] labels) {
        int n = count(shape, inputs.length, labels.length);
        int max = -1;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i
                        + " is negative: classes are numbered from 0");
            }
            max = Math.max(max, labels[i]);
        }
        return classification("dataset", Samples.ofFloats(shape, inputs), labels.clone(), numberNames(max + 1));
    }

    /** Regression samples: inputs of {@code shape}, targets of {@code targetShape}, back to back. */
    public static Dataset regression(Shape shape, float[] inputs, Shape targetShape, float[] targets) {
        int n = count(shape, inputs.length, targets.length / targetShape.size());
        if (targets.length != n * targetShape.size()) {
            throw new IllegalArgumentException(targets.length + " target values do not make " + n
                    + " targets of shape " + targetShape);
        }
        return regressionNamed("dataset", Samples.ofFloats(shape, inputs), targets.clone(), targetShape);
    }

    /**
     * Rows of a table: {@code labelColumn} is the label (text or integer columns: classes; a
     * floating-point column: a regression target), every other numeric column is an input feature.
     */
    public static Dataset fromTable(Table table, String labelColumn) {
        return TableDatasets.fromTable(table, labelColumn);
    }

    /** A CSV file read by Tablesaw, see {@link #fromTable}. */
    public static Dataset fromCsv(Path csv, String labelColumn) {
        return TableDatasets.fromCsv(csv, labelColumn);
    }

    static Dataset classification(String name, Samples inputs, int[] labels, List<String> classNames) {
        if (labels.length != inputs.count()) {
            throw new IllegalArgumentException(inputs.count() + " inputs but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i
                        + " is outside the classes 0.." + (classNames.size() - 1));
            }
        }
        Dataset d = new Dataset(name, inputs, labels, List.copyOf(classNames), null, null,
                identity(labels.length), null, null);
        d.requireFinite();
        return d;
    }

    /** The same samples, named for display (e.g. "fashion-mnist train"). */
    public Dataset named(String newName) {
        return new Dataset(newName, inputs, labels, classNames, targets, targetShape, index, trainPart, testPart);
    }

    /** The same samples with names for the classes (their count must match). */
    public Dataset withClassNames(List<String> names) {
        requireClassification("class names");
        if (names.size() < classes()) {
            throw new IllegalArgumentException(names.size() + " class names for " + classes() + " classes");
        }
        return new Dataset(name, inputs, labels, List.copyOf(names), null, null, index,
                trainPart == null ? null : trainPart.withClassNames(names),
                testPart == null ? null : testPart.withClassNames(names));
    }

    Dataset withParts(Dataset train, Dataset test) {
        return new Dataset(name, inputs, labels, classNames, targets, targetShape, index, train, test);
    }

    // ---- reading

    public String name() {
        return name;
    }

    public int size() {
        return index.length;
    }

    public boolean isEmpty() {
        return index.length == 0;
    }

    /** The shape of one input. */
    public Shape shape() {
        return inputs.shape();
    }

    public boolean isClassification() {
        return labels != null;
    }

    /** Number of classes (0 for regression). */
    public int classes() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The shape of one regression target, or (classes,) for classification. */
    public Shape targetShape() {
        return labels != null ? Shape.of(Math.max(1, classes())) : targetShape;
    }

    /**
     * Throws when an input or a regression target holds NaN or an infinity, naming the first such
     * sample. Datasets are checked when made, and {@code fit} checks again: the arrays handed to
     * {@link #of} are not copied and may have changed since.
     */
    public void requireFinite() {
        float[] x = new float[inputs.shape().size()];
        int targetSize = targets == null ? 0 : targetShape.size();
        for (int i = 0; i < size(); i++) {
            if (!inputs.alwaysFinite()) {
                inputs.copy(stored(i), x, 0);
                refuseNonFinite(x, 0, x.length, i, "input", inputs.shape());
            }
            if (targets != null) {
                refuseNonFinite(targets, stored(i) * targetSize, targetSize, i, "target", targetShape);
            }
        }
    }

    private void refuseNonFinite(float[] values, int from, int count, int sample, String what, Shape shape) {
        for (int k = 0; k < count; k++) {
            float v = values[from + k];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(name + ": sample " + sample + " has " + v + " in its " + what
                        + " (value " + k + " of " + shape + "): a network cannot learn from it;"
                        + " drop that sample or fill the gap (e.g. with the column's mean) before training");
            }
        }
    }

    /** Input {@code i} as a fresh tensor. */
    public Tensor input(int i) {
        float[] data = new float[inputs.shape().size()];
        inputs.copy(stored(i), data, 0);
        return Tensor.of(inputs.shape(), data);
    }

    /** Class label of sample {@code i}. */
    public int label(int i) {
        requireClassification("label(i)");
        return labels[stored(i)];
    }

    /** Regression target of sample {@code i}. */
    public Tensor target(int i) {
        if (targets == null) {
            throw new IllegalStateException(name + " has class labels, not regression targets: use label(i)");
        }
        int size = targetShape.size();
        float[] t = new float[size];
        System.arraycopy(targets, stored(i) * size, t, 0, size);
        return Tensor.of(targetShape, t);
    }

    // ---- views

    /** The training part; a dataset without parts is all training data. */
    public Dataset train() {
        return trainPart != null ? trainPart : this;
    }

    /** The test part. */
    public Dataset test() {
        if (testPart == null) {
            throw new IllegalStateException(name + " has no test part: make one with split(0.2, seed)");
        }
        return testPart;
    }

    public boolean hasTestPart() {
        return testPart != null;
    }

    /** The first {@code n} samples (all of them when there are fewer). */
    public Dataset take(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("take(" + n + "): the count cannot be negative");
        }
        return view(name, java.util.Arrays.copyOf(index, Math.min(n, index.length)));
    }

    /** The samples in an order drawn from {@code seed}. */
    public Dataset shuffle(long seed) {
        int[] shuffled = index.clone();
        Shuffle.inPlace(shuffled, new SplittableRandom(seed));
        return view(name, shuffled);
    }

    /**
     * All samples, with a random {@code testFraction} of them as {@link #test()} and the rest as
     * {@link #train()}.
     */
    public Dataset split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split(" + testFraction + "): the test fraction must be between 0 and 1, e.g. 0.2");
        }
        int[] shuffled = index.clone();
        Shuffle.inPlace(shuffled, new SplittableRandom(seed));
        int testCount = (int) Math.round(testFraction * shuffled.length);
        Dataset test = view(name + " test", java.util.Arrays.copyOfRange(shuffled, 0, testCount));
        Dataset train = view(name + " train", java.util.Arrays.copyOfRange(shuffled, testCount, shuffled.length));
        return withParts(train, test);
    }

    /** A dataset over the given stored-sample indices (a fresh array owned by the view). */
    private Dataset view(String viewName, int[] storedIndices) {
        return new Dataset(viewName, inputs, labels, classNames, targets, targetShape, storedIndices, null, null);
    }

    // ---- for the training engine: batches copy only their samples

    /** Copies the inputs of samples {@code order[from .. from+count)} back to back into {@code dst}. */
    public void copyInputs(int[] order, int from, int count, float[] dst, int dstOffset) {
        int size = inputs.shape().size();
        for (int k = 0; k < count; k++) {
            inputs.copy(index[order[from + k]], dst, dstOffset + k * size);
        }
    }

    /** Copies the labels of samples {@code order[from .. from+count)} into {@code dst}. */
    public void copyLabels(int[] order, int from, int count, int[] dst, int dstOffset) {
        requireClassification("labels");
        for (int k = 0; k < count; k++) {
            dst[dstOffset + k] = labels[index[order[from + k]]];
        }
    }

    /** Copies the regression targets of samples {@code order[from .. from+count)} into {@code dst}. */
    public void copyTargets(int[] order, int from, int count, float[] dst, int dstOffset) {
        int size = targetShape.size();
        for (int k = 0; k < count; k++) {
            System.arraycopy(targets, index[order[from + k]] * size, dst, dstOffset + k * size, size);
        }
    }

    // ---- display

    @Override
    public String toHtml() {
        List<String> rows = new ArrayList<>(List.of(Html.row("samples", String.valueOf(size())),
                Html.row("input shape", shape().toString())));
        rows.add(isClassification() ? Html.row("classes", String.join(", ", classNames))
                : Html.row("target shape", targetShape.toString()));
        if (trainPart != null) {
            rows.add(Html.row("train / test", trainPart.size() + " / " + testPart.size()));
        }
        return Html.card("Dataset " + name, size() + " samples", Html.rows(rows.toArray(String[]::new)));
    }

    @Override
    public String toString() {
        return "Dataset " + name + ": " + size() + " samples of " + shape()
                + (isClassification() ? ", " + classes() + " classes" : ", targets " + targetShape)
                + (trainPart != null ? " (train " + trainPart.size() + ", test " + testPart.size() + ")" : "");
    }

    // ---- helpers

    private int stored(int i) {
        if (i < 0 || i >= index.length) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + name + ", which has " + index.length + " samples");
        }
        return index[i];
    }

    private void requireClassification(String what) {
        if (labels == null) {
            throw new IllegalStateException(name + " is a regression dataset (targets " + targetShape
                    + "), it has no " + what);
        }
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static List<String> numberNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static int count(Shape shape, int values, int expected) {
        if (values % shape.size() != 0) {
            throw new IllegalArgumentException(values + " input values are not a whole number of samples of shape "
                    + shape + " (" + shape.size() + " values each)");
        }
        int n = values / shape.size();
        if (n != expected) {
            throw new IllegalArgumentException(n + " inputs but " + expected + " labels or targets");
        }
        return n;
    }

    private static float[] flatten(Shape shape, float[][] inputs) {
        int size = shape.size();
        float[] flat = new float[inputs.length * size];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != size) {
                throw new IllegalArgumentException("input " + i + " has " + inputs[i].length
                        + " values, shape " + shape + " needs " + size);
            }
            System.arraycopy(inputs[i], 0, flat, i * size, size);
        }
        return flat;
    }

    static Dataset regressionNamed(String name, Samples inputs, float[] targets, Shape targetShape) {
        Dataset d = new Dataset(name, inputs, null, List.of(), targets, targetShape, identity(inputs.count()), null, null);
        d.requireFinite();
        return d;
    }

}
