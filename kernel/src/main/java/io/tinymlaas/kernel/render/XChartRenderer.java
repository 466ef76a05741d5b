package io.tinymlaas.kernel.render;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** XChart charts (line, bar, pie…) as PNG. */
final class XChartRenderer implements Renderer {

    @Override
    public boolean accepts(Object value) {
        return value instanceof Chart;
    }

    @Override
    public void render(Object value, MimeBundle bundle) throws Exception {
        Chart<?, ?> chart = (Chart<?, ?>) value;
        Png.put(bundle, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        bundle.put("text/plain", chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\"");
    }
}
