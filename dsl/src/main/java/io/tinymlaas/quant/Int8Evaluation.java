package io.tinymlaas.quant;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;

/** How many samples the int8 model classified right. */
public record Int8Evaluation(int correct, int samples) implements Displayable {
    /** Share of samples classified right, in [0, 1]. */
    public double accuracy() {
        return samples == 0 ? Double.NaN : (double) correct / samples;
    }

    @Override
    public String toHtml() {
        return Html.card("int8 accuracy", String.format("%.2f%%", 100 * accuracy()),
                Html.line(correct + " of " + samples + " samples right"));
    }

    @Override
    public String toString() {
        return String.format("int8 accuracy %.2f%% (%d/%d)", 100 * accuracy(), correct, samples);
    }
}
