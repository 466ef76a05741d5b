package io.tinymlaas.quant;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.codegen.BlobWriter;
import io.tinymlaas.codegen.CExporter;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Prediction;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.ops.TflmPrepare;
import io.tinymlaas.report.SizeReport;
import io.tinymlaas.report.SizeReportable;
import io.tinymlaas.target.Target;
import io.tinymlaas.tflite.TfliteFormatException;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.tflite.TfliteWriter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An int8 model: its quantized {@link Graph} and the reference interpreter that runs it. The bytes
 * {@link #predictRaw} returns are the bytes a board running the same graph must return.
 */
public final class QuantizedModel implements Displayable, SizeReportable {
    private final Graph graph;
    private final int[] sourceLayers;

    /** @param sourceLayers per tensor, the index in the float model's layers() of the layer whose output it stands for; -1 for the input */
    QuantizedModel(Graph graph, int[] sourceLayers) {
        if (sourceLayers.length != graph.tensors().size()) {
            throw new IllegalArgumentException(sourceLayers.length + " source layers for " + graph.tensors().size() + " tensors");
        }
        this.graph = graph;
        this.sourceLayers = sourceLayers.clone();
    }

    public Graph graph() {
        return graph;
    }

    /** Index in the float model's layers() whose output tensor {@code tensor} quantizes; -1 for the model input. */
    public int sourceLayer(int tensor) {
        return sourceLayers[tensor];
    }

    /** Flash, RAM and latency of this model on {@code target}, per layer. */
    @Override
    public SizeReport sizeReport(Target target) {
        return SizeReport.of(graph, target);
    }

    public TensorSpec inputSpec() {
        return graph.inputSpec();
    }

    public TensorSpec outputSpec() {
        return graph.outputSpec();
    }

    /** The input as the model's int8 input bytes: round(x / scale) + zero point, clamped. */
    public byte[] quantizeInput(Tensor x) {
        return quantizeInput(inputSpec(), x);
    }

    /** {@code x} as the int8 bytes of the input tensor {@code in} (of a model or a deployed graph). */
    public static byte[] quantizeInput(TensorSpec in, Tensor x) {
        if (!x.shape().equals(in.shape())) {
            throw new IllegalArgumentException("the model takes inputs of shape " + in.shape() + " but this tensor is " + x.shape());
        }
        QuantParams p = new QuantParams(in.scale(), in.zeroPoint());
        float[] data = x.data();
        byte[] q = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            q[i] = p.quantize(data[i]);
        }
        return q;
    }

    /** int8 input bytes in, int8 output bytes out. */
    public byte[] predictRaw(byte[] input) {
        return Int8Interpreter.run(graph, input);
    }

    /** The winning class and the dequantized outputs. */
    public Prediction predict(Tensor x) {
        return prediction(predictRaw(quantizeInput(x)));
    }

    /** The label and dequantized scores of raw output bytes (e.g. a board's answer). */
    public Prediction prediction(byte[] output) {
        return prediction(outputSpec(), output);
    }

    /** The int8 bytes of the output tensor {@code out} read as a classifier's answer: every class's score and the top one. */
    public static Prediction prediction(TensorSpec out, byte[] output) {
        float[] scores = new float[output.length];
        int label = 0;
        for (int i = 0; i < output.length; i++) {
            scores[i] = out.scale() * (output[i] - out.zeroPoint());
            label = output[i] > output[label] ? i : label;
        }
        return new Prediction(label, scores);
    }

    /** Accuracy of the int8 model on a classification dataset. */
    public Int8Evaluation evaluate(Dataset data) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException(data.name() + " has regression targets: int8 evaluation counts correct labels");
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate on " + data.name() + ": the dataset is empty");
        }
        TensorSpec out = graph.tensors().get(graph.output());
        if (out.shape().rank() != 1 || data.classes() > out.shape().size()) {
            throw new IllegalArgumentException(data.name() + " has labels 0.." + (data.classes() - 1) + " but the model outputs "
                    + out.shape() + ": evaluate on data with the labels the model was trained for");
        }
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            correct += predict(data.input(i)).label() == data.label(i) ? 1 : 0;
        }
        return new Int8Evaluation(correct, data.size());
    }

    /** Float vs int8 on {@code data}: accuracies, agreement and per-layer SQNR. */
    public Comparison compare(FloatModel model, Dataset data) {
        return Comparison.of(this, model, data);
    }

    /** Every tensor: name, shape, scale, zero point, the real range it can hold, size. */
    public Table tensors() {
        int n = graph.tensors().size();
        StringColumn name = StringColumn.create("tensor");
        StringColumn shape = StringColumn.create("shape");
        DoubleColumn scale = DoubleColumn.create("scale");
        IntColumn zeroPoint = IntColumn.create("zero point");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        IntColumn bytes = IntColumn.create("bytes");
        for (int i = 0; i < n; i++) {
            TensorSpec t = graph.tensors().get(i);
            name.append(t.name());
            shape.append(t.shape().toString());
            scale.append(t.scale());
            zeroPoint.append(t.zeroPoint());
            min.append(t.scale() * (-128 - t.zeroPoint()));
            max.append(t.scale() * (127 - t.zeroPoint()));
            bytes.append(t.bytes());
        }
        return Table.create("int8 tensors", name, shape, scale, zeroPoint, min, max, bytes);
    }

    /** Every op: kind, name, output tensor, weight bytes, clamp. */
    public Table ops() {
        StringColumn kind = StringColumn.create("op");
        StringColumn name = StringColumn.create("name");
        StringColumn output = StringColumn.create("output");
        IntColumn weightBytes = IntColumn.create("weight bytes");
        StringColumn clamp = StringColumn.create("clamp");
        for (Op op : graph.ops()) {
            kind.append(op.kind().name());
            name.append(op.name());
            output.append(graph.tensors().get(op.output()).shape().toString());
            weightBytes.append(op.int8().parameterBytes());
            clamp.append("[" + op.activationMin() + ", " + op.activationMax() + "]");
        }
        return Table.create("int8 ops", kind, name, output, weightBytes, clamp);
    }

    /** Bytes of weights and biases. */
    public int parameterBytes() {
        return graph.parameterBytes();
    }

    /**
     * Writes model.h / model.c (weights as const arrays, a static arena sized by the planner), a
     * README on using them, and the C runtime beside them, into {@code dir}.
     */
    public void exportC(Path dir) {
        CExporter.export(graph, dir);
    }

    /** Writes the model blob that {@code Device.deploy} uploads (docs/model-format.md). */
    public void exportBlob(Path file) {
        BlobWriter.write(graph, file);
    }

    /** Writes the model to {@code file}; see {@link QuantizedModelFile} for the format. */
    public void save(Path file) {
        QuantizedModelFile.write(this, file);
    }

    /**
     * Writes the model as a TFLite flatbuffer (.tflite) that TFLM, TFLite/LiteRT and other
     * runtimes read; they derive from its float scales the multipliers this model uses.
     */
    public void exportTflite(Path file) {
        TfliteWriter.write(graph, file);
    }

    /**
     * Reads an int8 .tflite model (full-integer quantization, as TensorFlow's converter writes it)
     * and derives its multipliers as TFLM does. A float input's QUANTIZE and a final DEQUANTIZE are
     * dropped (feed inputs through {@link #quantizeInput}); a uint8 input becomes int8 (byte − 128).
     * Refuses ops, types and options it cannot run with a {@link TfliteFormatException} naming them.
     */
    public static QuantizedModel loadTflite(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return loadTflite(bytes);
        } catch (TfliteFormatException e) {
            throw new TfliteFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #loadTflite(Path)}, from the file's bytes. */
    public static QuantizedModel loadTflite(byte[] tflite) {
        Graph stored = TfliteReader.fromBytes(tflite);
        Graph prepared;
        try {
            prepared = TflmPrepare.prepare(stored);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new TfliteFormatException(e.getMessage(), e);
        }
        int[] noLayers = new int[prepared.tensors().size()];
        Arrays.fill(noLayers, -1);
        return new QuantizedModel(prepared, noLayers);
    }

    /** Reads a model written by {@link #save}; refuses other, newer or damaged files. */
    public static QuantizedModel load(Path file) {
        return QuantizedModelFile.read(file);
    }

    @Override
    public String toHtml() {
        String subtitle = graph.ops().size() + " ops, " + parameterBytes() + " bytes of parameters, input "
                + inputSpec().shape() + " → output " + outputSpec().shape();
        return Html.card("QuantizedModel (int8)", subtitle, Html.table(ops()) + Html.table(tensors()));
    }

    @Override
    public String toString() {
        return "QuantizedModel[" + graph.ops().size() + " ops, " + parameterBytes() + " parameter bytes, input "
                + inputSpec().shape() + ", output " + outputSpec().shape() + "]";
    }
}
