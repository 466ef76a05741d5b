package io.tinymlaas.kernel.render;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** XChart charts (line, bar, pie…) as PNG. */
final class XChartRenderer implements Renderer<Chart<?, ?>> {

    @Override
    public void render(Chart<?, ?> chart, MimeBundle bundle) throws Exception {
        Png.put(bundle, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        bundle.put("text/plain", chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\"");
    }
}
