package io.tinymlaas.quant;

import io.tinymlaas.ChartStyle;
import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.TensorSpec;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The float model against its int8 version on one dataset: both accuracies, how often they give
 * the same label, and per tensor the SQNR (signal-to-quantization-noise ratio, dB) between the
 * float layer output and the dequantized int8 tensor — the lowest SQNR is where accuracy went.
 */
public final class Comparison implements Displayable {
    /** One int8 tensor against the float layer output it stands for; SQNR is +∞ when they are equal. */
    public record LayerSqnr(String tensor, String floatLayer, double sqnrDb) {
    }

    private final double floatAccuracy;
    private final double int8Accuracy;
    private final double agreement;
    private final int samples;
    private final List<LayerSqnr> layers;

    private Comparison(double floatAccuracy, double int8Accuracy, double agreement, int samples, List<LayerSqnr> layers) {
        this.floatAccuracy = floatAccuracy;
        this.int8Accuracy = int8Accuracy;
        this.agreement = agreement;
        this.samples = samples;
        this.layers = List.copyOf(layers);
    }

    static Comparison of(QuantizedModel q, FloatModel model, Dataset data) {
        if (data.isEmpty() || !data.isClassification()) {
            throw new IllegalArgumentException("compare needs a non-empty classification dataset, got " + data.name()
                    + " with " + data.size() + " samples");
        }
        Graph g = q.graph();
        int tensors = g.tensors().size();
        double[] signal = new double[tensors];
        double[] noise = new double[tensors];
        int floatRight = 0;
        int int8Right = 0;
        int same = 0;
        for (int s = 0; s < data.size(); s++) {
            Tensor x = data.input(s);
            List<float[]> floats = model.forwardTrace(x);
            List<byte[]> int8 = Int8Interpreter.trace(g, q.quantizeInput(x));
            for (int t = 0; t < tensors; t++) {
                int layer = q.sourceLayer(t);
                float[] f = layer < 0 ? x.data() : floats.get(layer);
                TensorSpec spec = g.tensors().get(t);
                byte[] b = int8.get(t);
                for (int i = 0; i < f.length; i++) {
                    double d = f[i] - spec.scale() * (b[i] - spec.zeroPoint());
                    signal[t] += (double) f[i] * f[i];
                    noise[t] += d * d;
                }
            }
            int floatLabel = argmax(floats.get(floats.size() - 1));
            int int8Label = q.prediction(int8.get(g.output())).label();
            floatRight += floatLabel == data.label(s) ? 1 : 0;
            int8Right += int8Label == data.label(s) ? 1 : 0;
            same += floatLabel == int8Label ? 1 : 0;
        }
        List<LayerSqnr> rows = new ArrayList<>();
        for (int t = 0; t < tensors; t++) {
            int layer = q.sourceLayer(t);
            rows.add(new LayerSqnr(g.tensors().get(t).name(), layer < 0 ? "input" : model.layerName(layer),
                    sqnrDb(signal[t], noise[t])));
        }
        double n = data.size();
        return new Comparison(floatRight / n, int8Right / n, same / n, data.size(), rows);
    }

    private static double sqnrDb(double signal, double noise) {
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    public double floatAccuracy() {
        return floatAccuracy;
    }

    public double int8Accuracy() {
        return int8Accuracy;
    }

    /** Share of samples where float and int8 give the same label. */
    public double agreement() {
        return agreement;
    }

    public int samples() {
        return samples;
    }

    /** Per tensor, in graph order (the input first). */
    public List<LayerSqnr> layers() {
        return layers;
    }

    /** The tensor with the lowest SQNR: the layer that lost the most. */
    public LayerSqnr worst() {
        LayerSqnr worst = layers.get(0);
        for (LayerSqnr l : layers) {
            worst = l.sqnrDb() < worst.sqnrDb() ? l : worst;
        }
        return worst;
    }

    /** tensor, float layer, SQNR dB. */
    public Table table() {
        StringColumn tensor = StringColumn.create("tensor");
        StringColumn layer = StringColumn.create("float layer");
        DoubleColumn sqnr = DoubleColumn.create("SQNR dB");
        for (LayerSqnr l : layers) {
            tensor.append(l.tensor());
            layer.append(l.floatLayer());
            sqnr.append(Double.isFinite(l.sqnrDb()) ? Math.round(l.sqnrDb() * 100) / 100.0 : l.sqnrDb());
        }
        return Table.create("float vs int8", tensor, layer, sqnr);
    }

    /** Bars of SQNR per tensor (tensors equal to their float layer, +∞ dB, are left out). */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(320)
                .title(String.format("SQNR per layer — float %.2f%%, int8 %.2f%%", 100 * floatAccuracy, 100 * int8Accuracy))
                .xAxisTitle("tensor").yAxisTitle("SQNR (dB)").build();
        chart.getStyler().setLegendVisible(false);
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (LayerSqnr l : layers) {
            if (Double.isFinite(l.sqnrDb())) {
                names.add(l.tensor());
                values.add(l.sqnrDb());
            }
        }
        if (!names.isEmpty()) {
            chart.addSeries("SQNR", names, values);
        }
        return chart;
    }

    @Override
    public String toHtml() {
        String subtitle = String.format("%d samples: float %.2f%%, int8 %.2f%%, same label %.2f%%; lowest SQNR %.1f dB at %s",
                samples, 100 * floatAccuracy, 100 * int8Accuracy, 100 * agreement, worst().sqnrDb(), worst().tensor());
        return Html.card("float vs int8", subtitle, Html.table(table()));
    }

    @Override
    public byte[] toPng() {
        return ChartStyle.png(chart());
    }

    @Override
    public String toString() {
        return String.format("float %.2f%%, int8 %.2f%%, agreement %.2f%%, lowest SQNR %.1f dB at %s",
                100 * floatAccuracy, 100 * int8Accuracy, 100 * agreement, worst().sqnrDb(), worst().tensor());
    }
}
