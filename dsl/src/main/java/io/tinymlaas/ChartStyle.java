package io.tinymlaas;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One look for the project's line charts: XChart's GGPlot2 theme on a white plot, sized to the
 * width of a notebook's output area, with tick labels as people write numbers (0.25, 3, 1200 —
 * never 2.681405772293497).
 */
public final class ChartStyle {
    /** Fits a notebook's output area (about 750 px wide in Jupyter's default layout). */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 320;
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color TEXT = new Color(0x333333);

    private ChartStyle() {
    }

    /** An empty line chart in the house style. */
    public static XYChart lines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).theme(Styler.ChartTheme.GGPlot2)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(GRID);
        s.setChartFontColor(TEXT);
        s.setAxisTickLabelsColor(TEXT);
        s.setChartTitleBoxVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setMarkerSize(6);
        s.setyAxisTickLabelsFormattingFunction(ChartStyle::tick);
        return chart;
    }

    /** The chart as PNG bytes, for {@link Displayable#toPng}. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart " + chart.getTitle(), e);
        }
    }

    /**
     * The x axis spans {@code [from, to]} whole units (epochs) and labels only whole units, so
     * that fractions of an epoch never crowd the axis.
     */
    public static void wholeUnitsAxis(XYChart chart, int from, int to) {
        XYStyler s = chart.getStyler();
        s.setXAxisMin((double) from);
        s.setXAxisMax((double) Math.max(to, from + 1));
        // XChart cannot lay out an empty label: a space leaves the tick unlabelled.
        s.setxAxisTickLabelsFormattingFunction(x -> Math.abs(x - Math.rint(x)) < 1e-9 ? tick(Math.rint(x)) : " ");
    }

    /** The y axis from 0 to a round value at or above {@code max}: it does not jump with every new value. */
    public static void zeroToRound(XYChart chart, double max) {
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(roundUp(Double.isFinite(max) ? Math.max(max, 1e-9) : 1));
    }

    /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is at least {@code value}. */
    static double roundUp(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= value * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** A tick value without floating-point noise: 0.30000000000000004 is 0.3. */
    public static String tick(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
