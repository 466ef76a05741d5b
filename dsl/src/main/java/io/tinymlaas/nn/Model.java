package io.tinymlaas.nn;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Prediction;
import io.tinymlaas.data.Shape;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.GraphBuilder;
import io.tinymlaas.graph.GraphBuilder.Lowered;
import io.tinymlaas.quant.DenseWeights;
import io.tinymlaas.quant.FloatModel;
import io.tinymlaas.quant.QuantizedModel;
import io.tinymlaas.quant.Quantizer;
import io.tinymlaas.report.SizeReport;
import io.tinymlaas.report.SizeReportable;
import io.tinymlaas.target.Target;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sequential neural network, built fluently and trained with {@link #fit}:
 * <pre>{@code
 * var model = Model.sequential(Shape.of(28, 28, 1))
 *         .conv2d(8, 3).relu().maxPool(2)
 *         .flatten().dense(10).softmax();
 * model.fit(data.train(), Fit.epochs(2).batch(64).sgd(0.05).seed(42));
 * }</pre>
 * Each builder call checks the new layer against the shape before it, so a mismatch is reported
 * where it is written. Weights are drawn when first needed (by {@code fit}, from its seed, or else
 * from {@link #seed}); after that the layers are fixed. A model is not safe for use by several
 * threads at once.
 */
public final class Model implements Displayable, SizeReportable, FloatModel {
    private final Shape input;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private long seed;
    private Network network;

    private Model(Shape input) {
        this.input = input;
    }

    /** An empty model taking inputs of {@code input} (e.g. Shape.of(28, 28, 1), or Shape.of(1)). */
    public static Model sequential(Shape input) {
        if (input == null) {
            throw new IllegalArgumentException("Model.sequential needs the input shape, e.g. Shape.of(28, 28, 1) or data.shape()");
        }
        return new Model(input);
    }

    // ---- building

    /** Fully connected layer of {@code units} outputs; needs a flat input (add flatten() after images). */
    public Model dense(int units) {
        Shape in = requireFlat("dense(" + units + ")");
        positive("dense", units, "units");
        return add(new Dense(nextName("dense"), in, units));
    }

    /** Convolution, stride 1, VALID padding (as Keras's defaults). */
    public Model conv2d(int filters, int kernel) {
        return conv2d(filters, kernel, 1, Padding.VALID);
    }

    public Model conv2d(int filters, int kernel, int stride, Padding padding) {
        positive("conv2d", filters, "filters");
        String name = nextName("conv2d");
        return add(new Conv2D(name, last(), filters, Window2D.of(name, last(), kernel, kernel, stride, stride, padding)));
    }

    /** Depthwise convolution (one kernel per channel), stride 1, VALID padding. */
    public Model depthwiseConv2d(int kernel) {
        return depthwiseConv2d(kernel, 1, Padding.VALID);
    }

    public Model depthwiseConv2d(int kernel, int stride, Padding padding) {
        String name = nextName("depthwise_conv2d");
        return add(new DepthwiseConv2D(name, last(), Window2D.of(name, last(), kernel, kernel, stride, stride, padding)));
    }

    /** Max pooling over size x size windows with stride size, VALID padding. */
    public Model maxPool(int size) {
        return maxPool(size, size, Padding.VALID);
    }

    public Model maxPool(int size, int stride, Padding padding) {
        String name = nextName("max_pool2d");
        return add(new MaxPool2D(name, last(), Window2D.of(name, last(), size, size, stride, stride, padding)));
    }

    /** Average pooling over size x size windows with stride size, VALID padding. */
    public Model avgPool(int size) {
        return avgPool(size, size, Padding.VALID);
    }

    public Model avgPool(int size, int stride, Padding padding) {
        String name = nextName("avg_pool2d");
        return add(new AvgPool2D(name, last(), Window2D.of(name, last(), size, size, stride, stride, padding)));
    }

    /**
     * The mean of each channel over the whole image, (h, w, c) → (c): Keras's
     * GlobalAveragePooling2D (TFLite's MEAN over height and width), e.g. before the last dense.
     */
    public Model globalAvgPool() {
        Shape in = last();
        if (in.rank() != 3) {
            String after = layers.isEmpty() ? "the input" : layers.get(layers.size() - 1).name();
            throw new IllegalArgumentException("globalAvgPool() needs an (height, width, channels) input but gets " + in
                    + " from " + after + ": use it after conv2d or pooling layers, before flatten() or dense()");
        }
        return add(new GlobalAvgPool2D(nextName("global_average_pooling2d"), in));
    }

    public Model flatten() {
        return add(new Flatten(nextName("flatten"), last()));
    }

    public Model relu() {
        return add(new ReLU(nextName("relu"), last()));
    }

    public Model relu6() {
        return add(new ReLU6(nextName("relu6"), last()));
    }

    public Model softmax() {
        return add(new Softmax(nextName("softmax"), last()));
    }

    /** Drops a {@code rate} share of values while training. */
    public Model dropout(double rate) {
        return add(new Dropout(nextName("dropout"), last(), (float) rate));
    }

    /** Seed of the initial weights when they are drawn outside fit (fit uses its own seed). */
    public Model seed(long seed) {
        requireUnbuilt("seed");
        this.seed = seed;
        return this;
    }

    // ---- describing

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    public Shape inputShape() {
        return input;
    }

    public Shape outputShape() {
        return last();
    }

    /** Trainable parameters of all layers. */
    public long params() {
        long n = 0;
        for (Layer l : layers) {
            n += l.params();
        }
        return n;
    }

    /** Multiply-accumulates of one inference. */
    public long macs() {
        long n = 0;
        for (Layer l : layers) {
            n += l.macs();
        }
        return n;
    }

    /** One row per layer: layer, output shape, params, MACs. */
    public Table summary() {
        StringColumn name = StringColumn.create("layer");
        StringColumn shape = StringColumn.create("output shape");
        LongColumn params = LongColumn.create("params");
        LongColumn macs = LongColumn.create("MACs");
        for (Layer l : layers) {
            name.append(l.name());
            shape.append(l.outputShape().toString());
            params.append(l.params());
            macs.append(l.macs());
        }
        return Table.create("model", name, shape, params, macs);
    }

    /** The summary with the input first and the totals last, in a card. */
    @Override
    public String toHtml() {
        StringColumn name = StringColumn.create("layer", "input");
        StringColumn shape = StringColumn.create("output shape", input.toString());
        StringColumn params = StringColumn.create("params", "");
        StringColumn macs = StringColumn.create("MACs", "");
        for (Layer l : layers) {
            name.append(l.name());
            shape.append(l.outputShape().toString());
            params.append(String.format("%,d", l.params()));
            macs.append(String.format("%,d", l.macs()));
        }
        name.append("total");
        shape.append("");
        params.append(String.format("%,d", params()));
        macs.append(String.format("%,d", macs()));
        return Html.card("Model", layers.size() + " layers, input " + input + " → output " + last(),
                Html.table(Table.create("model", name, shape, params, macs)));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Model " + input);
        for (Layer l : layers) {
            s.append(" -> ").append(l.name()).append(' ').append(l.outputShape());
        }
        return s.append(String.format(" (%,d params)", params())).toString();
    }

    // ---- using

    /**
     * Trains on {@code data} and returns the per-epoch history. A listener may end it early
     * ({@link Training#stop}, e.g. {@link EarlyStopping}), and so does interrupting the thread: the
     * model keeps the weights of the last finished batch. Throws when the loss becomes NaN.
     */
    public History fit(Dataset data, Fit fit) {
        requireLayers();
        if (data.isEmpty()) {
            throw new IllegalArgumentException("cannot fit on " + data.name() + ": the dataset is empty");
        }
        checkData(data);
        data.requireFinite();
        if (fit.validationData() != null) {
            checkData(fit.validationData());
            fit.validationData().requireFinite();
        }
        if (network == null) {
            build(fit.seedValue());
        }
        if (!network.trainable()) {
            throw new IllegalStateException("the model has no trainable layer: add dense(...) or conv2d(...)");
        }
        History history = new History();
        new Trainer(this, network, data, fit).run(TrainingListeners.of(history, fit));
        return history;
    }

    /** Loss, accuracy, confusion matrix and per-class precision/recall on {@code data}. */
    public Metrics evaluate(Dataset data) {
        requireLayers();
        if (data.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate on " + data.name() + ": the dataset is empty");
        }
        checkData(data);
        return Evaluation.run(network(), data, data.isClassification() ? Loss.CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR,
                Runtime.getRuntime().availableProcessors());
    }

    /** The class with the highest output, and all outputs, for one input. */
    public Prediction predict(Tensor x) {
        List<float[]> trace = forwardTrace(x);
        float[] out = trace.get(trace.size() - 1);
        return new Prediction(Loss.argmax(out, 0, out.length), out);
    }

    /** The float output of every layer for one input, index-aligned with {@link #layers()}. */
    @Override
    public List<float[]> forwardTrace(Tensor x) {
        requireLayers();
        if (!x.shape().equals(input)) {
            throw new IllegalArgumentException("the model takes inputs of shape " + input + " but this tensor is "
                    + x.shape() + (x.shape().size() == input.size() ? ": reshape it with tensor.reshape(Shape.of("
                    + dimsOf(input) + "))" : ""));
        }
        Network net = network();
        Workspace ws = net.workspace(1, 1, 0, new SplittableRandom(0));
        System.arraycopy(x.data(), 0, ws.input(), 0, x.size());
        net.forward(ws, 1, false);
        List<float[]> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            out.add(ws.act[i + 1].clone());
        }
        return out;
    }

    /**
     * The int8 model, quantized as TFLite does with activation ranges observed on
     * {@code calibration} (a few hundred training samples, e.g. {@code data.train().take(500)}).
     * In a notebook, {@code %size} alone reports the variable that last received a quantized model.
     */
    public QuantizedModel quantize(Dataset calibration) {
        return quantize(calibration, DenseWeights.PER_CHANNEL);
    }

    /**
     * As {@link #quantize(Dataset)}, with dense weights quantized per channel (the default) or, as
     * TensorFlow's converter does, per tensor ({@code DenseWeights.PER_TENSOR}) for runtimes that
     * accept only that.
     */
    public QuantizedModel quantize(Dataset calibration, DenseWeights dense) {
        requireLayers();
        if (calibration == null || calibration.isEmpty()) {
            throw new IllegalArgumentException("the calibration set is empty: pass some training samples, e.g. data.train().take(500)");
        }
        if (!calibration.shape().equals(input)) {
            throw new IllegalArgumentException("calibration samples have shape " + calibration.shape()
                    + " but the model takes " + input + ": calibrate with the data the model was trained on");
        }
        network();
        Lowered lowered = lowered().requireFused();
        Calibration ranges = Calibration.observe(this, lowered, calibration);
        ranges.warnings().forEach(w -> System.err.println("warning: " + w));
        return Quantizer.quantize(lowered, ranges.min(), ranges.max(), dense);
    }

    /** Flash, RAM and latency of this float32 model (and of its int8 form) on {@code target}. */
    @Override
    public SizeReport sizeReport(Target target) {
        requireLayers();
        return SizeReport.of(graph(), target);
    }

    /**
     * The model lowered to the ops a runtime executes, in float32: ReLU and ReLU6 fused into the op
     * before them, Dropout gone, every other layer one op. Its weights are empty until drawn.
     */
    public Graph graph() {
        return lowered().graph();
    }

    /** The lowered graph and, per tensor, the layer whose output it stands for. */
    Lowered lowered() {
        GraphBuilder builder = new GraphBuilder(input);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).lower(builder.layer(i, layers.get(i).name()));
        }
        return builder.build();
    }

    @Override
    public String layerName(int index) {
        return layers.get(index).name();
    }

    /** Writes the model (layers and weights) to {@code file}; see {@link ModelFile} for the format. */
    public void save(Path file) {
        requireLayers();
        ModelFile.write(this, file);
    }

    /** Reads a model written by {@link #save}. */
    public static Model load(Path file) {
        return ModelFile.read(file);
    }

    // ---- inside the package

    /** The network, its weights drawn from the model's seed when not yet. */
    Network network() {
        if (network == null) {
            build(seed);
        }
        return network;
    }

    /** Re-creates a layer from what it wrote of itself ({@link Layer#spec()}): the method that built it, called again. */
    Model add(LayerSpec spec) {
        int[] s = spec.settings();
        return switch (spec.call()) {
            case "dense" -> dense(s[0]);
            case "conv2d" -> conv2d(s[0], s[1], s[3], Padding.values()[s[5]]);
            case "depthwiseConv2d" -> depthwiseConv2d(s[0], s[2], Padding.values()[s[4]]);
            case "maxPool" -> maxPool(s[0], s[2], Padding.values()[s[4]]);
            case "avgPool" -> avgPool(s[0], s[2], Padding.values()[s[4]]);
            case "flatten" -> flatten();
            case "relu" -> relu();
            case "relu6" -> relu6();
            case "softmax" -> softmax();
            case "dropout" -> dropout(Float.intBitsToFloat(s[0]));
            case "globalAvgPool" -> globalAvgPool();
            default -> throw new IllegalArgumentException("no layer is built by " + spec.call()
                    + "(): the file was written by a newer TinyMLaaS, update it");
        };
    }

    private void build(long initSeed) {
        requireLayers();
        float[] params = new float[checkedParams()];
        SplittableRandom rng = new SplittableRandom(initSeed);
        int offset = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            l.bind(params, offset);
            boolean reluNext = i + 1 < layers.size() && layers.get(i + 1).fusedActivation() != FusedActivation.NONE;
            l.initialize(rng.split(), reluNext);
            offset += (int) l.params();
        }
        network = new Network(List.copyOf(layers), params);
    }

    /** The parameter count, refused with the model's size when its float32 weights cannot be held here. */
    private int checkedParams() {
        long params = params();
        long bytes = 4 * params;
        long heap = Runtime.getRuntime().maxMemory();
        if (params > Integer.MAX_VALUE - 8 || bytes > heap) {
            throw new IllegalArgumentException(String.format("the model has %,d parameters (%,d MB of float32 weights),"
                    + " more than %s: use fewer units or filters, or pool before flatten()", params, bytes >> 20,
                    params > Integer.MAX_VALUE - 8 ? "a Java array holds (2^31)" : String.format("this JVM's heap (%,d MB)", heap >> 20)));
        }
        return (int) params;
    }

    private Model add(Layer layer) {
        requireUnbuilt(layer.name());
        layers.add(layer);
        return this;
    }

    private void requireUnbuilt(String what) {
        if (network != null) {
            throw new IllegalStateException("cannot add " + what + ": this model already has weights (it was trained or run); "
                    + "build a new model with Model.sequential(" + input + ")");
        }
    }

    private void requireLayers() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("the model has no layers: add some, e.g. .flatten().dense(10).softmax()");
        }
    }

    private void checkData(Dataset data) {
        if (!data.shape().equals(input)) {
            throw new IllegalArgumentException("the model takes inputs of shape " + input + " but " + data.name()
                    + " has inputs of shape " + data.shape());
        }
        Shape out = last();
        if (data.isClassification()) {
            if (out.rank() != 1 || data.classes() > out.size()) {
                throw new IllegalArgumentException(data.name() + " has labels 0.." + (data.classes() - 1)
                        + " but the model outputs " + out + ": end the model with dense(" + data.classes() + ")");
            }
        } else if (!data.targetShape().equals(out) && data.targetShape().size() != out.size()) {
            throw new IllegalArgumentException(data.name() + " has targets of shape " + data.targetShape()
                    + " but the model outputs " + out);
        }
    }

    private Shape last() {
        return layers.isEmpty() ? input : layers.get(layers.size() - 1).outputShape();
    }

    private Shape requireFlat(String what) {
        Shape in = last();
        if (in.rank() != 1) {
            String after = layers.isEmpty() ? "the input" : layers.get(layers.size() - 1).name();
            throw new IllegalArgumentException(what + " needs a flat input but gets " + in + " from " + after
                    + ": add .flatten() before it");
        }
        return in;
    }

    private String nextName(String kind) {
        int n = nameCounts.merge(kind, 1, Integer::sum);
        return n == 1 ? kind : kind + "_" + (n - 1);
    }

    private static void positive(String layer, int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(layer + ": " + what + " must be at least 1, not " + value);
        }
    }

    private static String dimsOf(Shape s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.rank(); i++) {
            b.append(i == 0 ? "" : ", ").append(s.dim(i));
        }
        return b.toString();
    }
}
