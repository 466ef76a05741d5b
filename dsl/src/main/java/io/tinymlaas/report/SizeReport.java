package io.tinymlaas.report;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.target.ArenaPlan;
import io.tinymlaas.target.Bytes;
import io.tinymlaas.target.Target;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Will this model fit this board? Flash, RAM (from a planned tensor arena) and latency, per layer
 * and in total against the board's budgets, with the same model at the other precision beside it
 * to show what quantization saves.
 *
 * <pre>{@code
 * var report = SizeReport.of(q.graph(), Target.of("esp32"));   // or model.graph(): float32
 * report.fits();  report.why();  report.table();  report.chart();
 * }</pre>
 */
public final class SizeReport implements Displayable {
    private final Estimate estimate;
    private final Estimate other;

    private SizeReport(Estimate estimate, Estimate other) {
        this.estimate = estimate;
        this.other = other;
    }

    /**
     * The report of a graph at its own precision — a quantized graph (int8) with its float32
     * equivalent beside it, a float graph ({@code model.graph()}) with what int8 would make of it.
     */
    public static SizeReport of(Graph graph, Target target) {
        return of(graph, target, graph.isQuantized() ? Precision.INT8 : Precision.FLOAT32);
    }

    /**
     * The report of any model the DSL knows: a {@link Graph}, or anything {@link SizeReportable}
     * (a quantized or float model). Used by {@code %size}, which sees only notebook variables.
     */
    public static SizeReport ofAny(Object model, Target target) {
        if (model instanceof Graph graph) {
            return of(graph, target);
        }
        if (model instanceof SizeReportable sizeable) {
            return sizeable.sizeReport(target);
        }
        throw new IllegalArgumentException("cannot size a " + (model == null ? "null" : model.getClass().getSimpleName())
                + ": give a quantized model, a float Model or a Graph");
    }

    /**
     * The same model on several boards, one row each: does it fit, flash and RAM against the
     * budgets, estimated latency. {@code SizeReport.compare(q, Target.of("esp32"), Target.of("rp2040"))}.
     */
    public static Table compare(Object model, Target... targets) {
        List<SizeReport> reports = Arrays.stream(targets).map(t -> ofAny(model, t)).toList();
        return Table.create("boards",
                StringColumn.create("target", reports.stream().map(r -> r.target().name())),
                StringColumn.create("fits", reports.stream().map(r -> r.fits() ? "yes" : "no")),
                StringColumn.create("flash", reports.stream().map(r -> Bytes.format(r.flashBytes()))),
                StringColumn.create("usable flash", reports.stream().map(r -> Bytes.format(r.target().usableFlashBytes()))),
                StringColumn.create("RAM", reports.stream().map(r -> Bytes.format(r.ramBytes()))),
                StringColumn.create("usable RAM", reports.stream().map(r -> Bytes.format(r.target().usableRamBytes()))),
                DoubleColumn.create("est. ms", reports.stream().mapToDouble(r -> Math.round(r.latencyMillis() * 1000) / 1000.0)));
    }

    /** True for what {@link #ofAny} takes: a Graph, a float Model, anything SizeReportable. */
    public static boolean canSize(Object model) {
        return model instanceof Graph || model instanceof SizeReportable;
    }

    static SizeReport of(Graph graph, Target target, Precision precision) {
        if (graph.ops().isEmpty()) {
            throw new IllegalArgumentException("the model has no ops: add layers before asking for its size");
        }
        return new SizeReport(Estimate.of(graph, target, precision),
                Estimate.of(graph, target, precision.other()));
    }

    /** The same model at the other precision on the same board. */
    public SizeReport other() {
        return new SizeReport(other, estimate);
    }

    public Target target() {
        return estimate.target();
    }

    public Precision precision() {
        return estimate.precision();
    }

    /** Everything the model puts in flash, runtime and platform included. */
    public long flashBytes() {
        return estimate.flash();
    }

    /** Everything the model needs in RAM: arena, serial buffers, runtime state, stack. */
    public long ramBytes() {
        return estimate.ram();
    }

    /** The tensor arena from {@link io.tinymlaas.target.GreedyArenaPlanner}. */
    public long arenaBytes() {
        return estimate.arena().arenaBytes();
    }

    /** Where each activation tensor lives in the arena. */
    public ArenaPlan arenaPlan() {
        return estimate.arena();
    }

    /** Estimated time of one inference, from MACs and element operations at the board's clock. */
    public double latencyMillis() {
        return estimate.millis();
    }

    /**
     * Bytes of the model blob (docs/model-format.md) a generic firmware loads over serial: then
     * the weights and tables live in RAM, not flash as this report assumes (C export).
     */
    public long blobBytes() {
        return estimate.blobBytes();
    }

    /** Flash left for anything else; negative when over budget. */
    public long flashMarginBytes() {
        return target().usableFlashBytes() - flashBytes();
    }

    /** RAM left for anything else; negative when over budget. */
    public long ramMarginBytes() {
        return target().usableRamBytes() - ramBytes();
    }

    public boolean fits() {
        return estimate.fits();
    }

    /** Why it fits or, when it does not, what is biggest and what to change. */
    public String why() {
        return FitAdvisor.why(estimate);
    }

    /** Flash part by part: weights, biases, quantization params, graph, kernels, runtime, platform. */
    public Map<String, Long> flashBreakdown() {
        return estimate.flashParts();
    }

    /** RAM part by part: tensor arena, serial buffers, runtime state, stack. */
    public Map<String, Long> ramBreakdown() {
        return estimate.ramParts();
    }

    /** One row a layer: shape, params, MACs, and bytes and time at both precisions. */
    public Table table() {
        String a = " " + estimate.precision();
        String b = " " + other.precision();
        List<Estimate.Row> rows = estimate.rows();
        List<Estimate.Row> others = other.rows();
        return Table.create("layers on " + target().name(),
                StringColumn.create("layer", rows.stream().map(r -> r.layer().dsl())),
                StringColumn.create("name", rows.stream().map(r -> r.layer().name())),
                StringColumn.create("output shape", rows.stream().map(r -> r.layer().out().toString())),
                longs("params", rows, r -> r.layer().params()),
                longs("MACs", rows, r -> r.layer().macs()),
                longs("weight bytes" + a, rows, Estimate.Row::weightBytes),
                longs("weight bytes" + b, others, Estimate.Row::weightBytes),
                longs("activation bytes" + a, rows, Estimate.Row::activationBytes),
                longs("activation bytes" + b, others, Estimate.Row::activationBytes),
                doubles("est. ms" + a, rows, Estimate.Row::millis),
                doubles("est. ms" + b, others, Estimate.Row::millis));
    }

    /** Flash, RAM, arena and latency at both precisions against the board's budgets, with margins. */
    public Table totals() {
        Target t = target();
        StringColumn what = StringColumn.create("", "flash", "RAM", "  of which tensor arena", "latency");
        StringColumn budget = StringColumn.create("usable on " + t.name(), Bytes.format(t.usableFlashBytes()),
                Bytes.format(t.usableRamBytes()), "", "");
        Table table = Table.create("totals on " + t.name(), what);
        for (Estimate e : List.of(estimate, other)) {
            table.addColumns(StringColumn.create(e.precision().label(), Bytes.format(e.flash()),
                    Bytes.format(e.ram()), Bytes.format(e.arena().arenaBytes()), ms(e.millis())));
        }
        table.addColumns(budget);
        for (Estimate e : List.of(estimate, other)) {
            table.addColumns(StringColumn.create("margin " + e.precision(),
                    margin(t.usableFlashBytes() - e.flash(), t.usableFlashBytes()),
                    margin(t.usableRamBytes() - e.ram(), t.usableRamBytes()), "", ""));
        }
        return table;
    }

    /** Stacked bars of flash and RAM at both precisions, in percent of the board's budgets. */
    public CategoryChart chart() {
        return SizeChart.chart(estimate, other);
    }

    @Override
    public byte[] toPng() {
        return SizeChart.png(chart());
    }

    @Override
    public String toHtml() {
        String verdict = Html.verdict(fits(), (fits() ? "fits " : "does not fit ") + target().name());
        String chart = "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(toPng()) + "\"/>";
        String notes = Html.note("weights compiled into flash (C export); loaded as a "
                + Bytes.format(blobBytes()) + " blob over serial they take RAM instead. Latency: ±50% estimate from "
                + target().core().label() + " cycles per MAC and per output, int8 with the "
                + target().core().kernels() + ". Runtime code: " + target().runtimeCode().source() + ".");
        String parts = Html.rows(Html.row("flash " + precision(), parts(flashBreakdown())),
                Html.row("RAM " + precision(), parts(ramBreakdown())));
        return Html.card("size of the " + precision() + " model on " + target().name(), target().toString(),
                verdict + Html.preformatted(why()) + Html.table(totals()) + parts + Html.table(table()) + chart + notes);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s on %s: flash %s of %s, RAM %s of %s (arena %s), ~%s — %s",
                precision(), target().name(), Bytes.format(flashBytes()), Bytes.format(target().usableFlashBytes()),
                Bytes.format(ramBytes()), Bytes.format(target().usableRamBytes()), Bytes.format(arenaBytes()),
                ms(latencyMillis()), fits() ? "fits" : "does not fit");
    }

    private static String parts(Map<String, Long> parts) {
        return parts.entrySet().stream().map(p -> p.getKey() + " " + Bytes.format(p.getValue()))
                .collect(Collectors.joining(" · "));
    }

    private static LongColumn longs(String name, List<Estimate.Row> rows, ToLongFunction<Estimate.Row> f) {
        return LongColumn.create(name, rows.stream().mapToLong(f).toArray());
    }

    private static DoubleColumn doubles(String name, List<Estimate.Row> rows, ToDoubleFunction<Estimate.Row> f) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(r -> Math.round(f.applyAsDouble(r) * 1000) / 1000.0));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static String margin(long left, long budget) {
        return Bytes.format(left) + String.format(Locale.ROOT, " (%.0f%%)", 100.0 * left / budget);
    }
}
