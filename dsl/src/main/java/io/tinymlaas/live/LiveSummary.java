package io.tinymlaas.live;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.data.Tensor;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Where a live stream stands: the last image with the board's label and the truth, running
 * accuracy, agreement with the notebook's int8 bytes, a histogram of the round trip per inference,
 * and inferences per second. The stream shows it while it runs and returns the final one.
 *
 * @param histogram counts per {@link #BUCKET_MS} bucket (the last one is open-ended)
 * @param ending    null while running or when all inputs ran; otherwise why it stopped
 */
public record LiveSummary(String board, int planned, int done, int correct, int agreeing, Tensor image, int label,
                          int truth, List<String> classNames, int[] histogram, double seconds, String ending)
        implements Displayable {

    /** Upper edges of the latency buckets, in milliseconds. */
    static final double[] BUCKET_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500};

    static int bucket(double millis) {
        int b = 0;
        while (b < BUCKET_MS.length && millis > BUCKET_MS[b]) {
            b++;
        }
        return b;
    }

    public double accuracy() {
        return done == 0 ? Double.NaN : (double) correct / done;
    }

    /** Share of inferences whose output bytes equal the notebook's. */
    public double agreement() {
        return done == 0 ? Double.NaN : (double) agreeing / done;
    }

    public double inferencesPerSecond() {
        return seconds <= 0 ? Double.NaN : done / seconds;
    }

    @Override
    public int[] histogram() {
        return histogram.clone();
    }

    private String name(int c) {
        return c >= 0 && c < classNames.size() ? classNames.get(c) : String.valueOf(c);
    }

    private String state() {
        if (ending != null) {
            return "stopped after " + done + " of " + planned + ": " + ending;
        }
        return done == planned ? "done: " + done + " inferences" : "running: " + done + " of " + planned;
    }

    @Override
    public String toHtml() {
        StringBuilder html = new StringBuilder("<div style=\"display:flex;gap:16px;align-items:flex-start\">");
        if (image != null && image.toPng() != null) {
            html.append("<div style=\"text-align:center\"><img width=\"84\" height=\"84\" style=\"image-rendering:pixelated;"
                    + "border:1px solid #ccc\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(image.toPng())).append("\"><br>board says <b>")
                    .append(Html.escape(name(label))).append("</b>, truth ").append(Html.escape(name(truth)))
                    .append(label == truth ? " ✓" : " ✗").append("</div>");
        }
        html.append("<table>")
                .append(Html.row("accuracy", String.format(Locale.ROOT, "%.2f %% (%d of %d)", 100 * accuracy(), correct, done)))
                .append(Html.row("same bytes as the notebook", String.format(Locale.ROOT, "%d of %d", agreeing, done)))
                .append(Html.row("speed", String.format(Locale.ROOT, "%.1f inferences/s", inferencesPerSecond())))
                .append("</table>");
        int max = 1;
        for (int count : histogram) {
            max = Math.max(max, count);
        }
        html.append("<div><div style=\"color:#666\">round trip per inference</div><table style=\"border-collapse:collapse\">");
        for (int b = 0; b < histogram.length; b++) {
            String range = b < BUCKET_MS.length ? "≤ " + fmt(BUCKET_MS[b]) + " ms" : "> " + fmt(BUCKET_MS[BUCKET_MS.length - 1]) + " ms";
            html.append("<tr><td style=\"padding:0 6px;text-align:right;font-size:11px\">").append(range)
                    .append("</td><td style=\"width:120px\"><div style=\"height:8px;background:#2a7ae2;width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100.0 * histogram[b] / max)).append("%\"></div></td><td style=\"font-size:11px\">")
                    .append(histogram[b]).append("</td></tr>");
        }
        html.append("</table></div></div>");
        return Html.card("live on " + board, state(), html.toString());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "live on %s: %s; accuracy %.2f %%, %d/%d outputs as the notebook's, %.1f inferences/s",
                board, state(), 100 * accuracy(), agreeing, done, inferencesPerSecond());
    }
}
