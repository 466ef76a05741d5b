package io.tinymlaas.live;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.data.Prediction;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.device.DevicePrediction;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What the pad shows under its canvas after a stroke: the 28×28 image the model saw, the label,
 * every class's score as a bar and the board's time; or why there is no answer.
 *
 * @param scores       null when the callback gave only a label
 * @param deviceMicros NaN when the answer did not come from a board
 * @param error        null for an answer; otherwise what went wrong and what to do
 */
public record PadAnswer(Tensor image, int label, float[] scores, double deviceMicros, List<String> classNames,
                        String error) implements Displayable {

    /** The callback's result read as an answer: a board's or a model's prediction, or a bare label. */
    static PadAnswer of(Tensor image, Object result, List<String> classNames) {
        if (result instanceof DevicePrediction p) {
            return new PadAnswer(image, p.label(), p.scores(), p.deviceMicros(), classNames, null);
        }
        if (result instanceof Prediction p) {
            return new PadAnswer(image, p.label(), p.scores(), Double.NaN, classNames, null);
        }
        if (result instanceof Number n) {
            return new PadAnswer(image, n.intValue(), null, Double.NaN, classNames, null);
        }
        return failed(image, "the pad's callback returned " + (result == null ? "null" : result.getClass().getSimpleName())
                + ": return board.predict(img), model.predict(img) or a label", classNames);
    }

    static PadAnswer failed(Tensor image, String error, List<String> classNames) {
        return new PadAnswer(image, -1, null, Double.NaN, classNames, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** The label's name ("7"), or "?" when there is no answer. */
    public String labelName() {
        return label >= 0 && label < classNames.size() ? classNames.get(label) : label < 0 ? "?" : String.valueOf(label);
    }

    @Override
    public float[] scores() {
        return scores == null ? null : scores.clone();
    }

    @Override
    public String toHtml() {
        StringBuilder html = new StringBuilder("<div class=\"tinyml-answer\" data-label=\"")
                .append(ok() ? Html.escape(labelName()) : "").append("\" style=\"display:flex;gap:14px;align-items:flex-start;"
                        + "font-family:sans-serif;font-size:13px;margin-top:6px\">");
        if (image != null) {
            html.append("<div style=\"text-align:center;color:#666\"><img alt=\"the 28x28 input\" width=\"84\" height=\"84\" "
                    + "style=\"image-rendering:pixelated;border:1px solid #ccc\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(image.toPng())).append("\"><br>what the model saw</div>");
        }
        if (!ok()) {
            return html.append("<div style=\"color:#b00;max-width:420px\">").append(Html.escape(error)).append("</div></div>").toString();
        }
        html.append("<div><div style=\"font-size:42px;font-weight:bold;line-height:1\">").append(Html.escape(labelName()))
                .append("</div><div style=\"color:#666\">")
                .append(Double.isNaN(deviceMicros) ? "" : String.format(Locale.ROOT, "%,.0f µs on the board", deviceMicros))
                .append("</div></div>");
        if (scores != null) {
            html.append("<table style=\"border-collapse:collapse\">");
            for (int i = 0; i < scores.length; i++) {
                double share = Math.max(0, Math.min(1, scores[i]));
                html.append("<tr><td style=\"padding:0 6px;text-align:right\">")
                        .append(Html.escape(i < classNames.size() ? classNames.get(i) : String.valueOf(i)))
                        .append("</td><td style=\"width:160px\"><div style=\"height:9px;background:")
                        .append(i == label ? "#2a7ae2" : "#aac")
                        .append(";width:").append(String.format(Locale.ROOT, "%.1f", share * 100)).append("%\"></div></td>")
                        .append("<td style=\"padding-left:6px;color:#666\">").append(String.format(Locale.ROOT, "%.2f", scores[i]))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</div>").toString();
    }

    @Override
    public String toString() {
        if (!ok()) {
            return "no answer: " + error;
        }
        return "the model says " + labelName()
                + (Double.isNaN(deviceMicros) ? "" : String.format(Locale.ROOT, " (%,.0f µs on the board)", deviceMicros));
    }
}
