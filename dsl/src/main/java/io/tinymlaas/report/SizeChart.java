package io.tinymlaas.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacked bars of flash and RAM, int8 and float32, each part in percent of the board's budget so
 * that flash (megabytes) and RAM (kilobytes) share one axis; the "free" part fills a bar up to
 * 100%, and a bar above 100% does not fit.
 */
final class SizeChart {
    private SizeChart() {
    }

    /** Series: which parts of the estimate stack into which band. */
    private static final Map<String, List<String>> BANDS = new LinkedHashMap<>();

    static {
        BANDS.put("weights + biases", List.of(Estimate.WEIGHTS, Estimate.BIASES));
        BANDS.put("quant params + graph", List.of(Estimate.QUANT, Estimate.GRAPH));
        BANDS.put("runtime code", List.of(Estimate.KERNELS, Estimate.RUNTIME));
        BANDS.put("platform", List.of(Estimate.PLATFORM));
        BANDS.put("tensor arena", List.of(Estimate.ARENA));
        BANDS.put("serial buffers + state + stack", List.of(Estimate.IO, Estimate.STATE, Estimate.STACK));
    }

    static CategoryChart chart(Estimate first, Estimate second) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(400)
                .title("size on " + first.target().name() + " (100% = usable budget)")
                .yAxisTitle("% of usable " + first.target().name() + " budget").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setAxisTitlesVisible(true);
        List<Estimate> estimates = List.of(first, second);
        List<String> categories = new ArrayList<>();
        for (Estimate e : estimates) {
            categories.add("flash " + e.precision());
        }
        for (Estimate e : estimates) {
            categories.add("RAM " + e.precision());
        }
        for (var band : BANDS.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (Estimate e : estimates) {
                values.add(percent(e.flashParts(), band.getValue(), e.target().usableFlashBytes()));
            }
            for (Estimate e : estimates) {
                values.add(percent(e.ramParts(), band.getValue(), e.target().usableRamBytes()));
            }
            chart.addSeries(band.getKey(), categories, values);
        }
        List<Double> free = new ArrayList<>();
        for (Estimate e : estimates) {
            free.add(Math.max(0, 100.0 - 100.0 * e.flash() / e.target().usableFlashBytes()));
        }
        for (Estimate e : estimates) {
            free.add(Math.max(0, 100.0 - 100.0 * e.ram() / e.target().usableRamBytes()));
        }
        chart.addSeries("free", categories, free).setFillColor(new Color(0xE0E0E0));
        return chart;
    }

    private static double percent(Map<String, Long> parts, List<String> keys, long budget) {
        return 100.0 * keys.stream().mapToLong(k -> parts.getOrDefault(k, 0L)).sum() / budget;
    }

    static byte[] png(CategoryChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the size chart", e);
        }
    }
}
