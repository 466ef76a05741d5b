package io.tinymlaas.kernel.render;

import java.awt.image.RenderedImage;

/** java.awt images (BufferedImage and friends) as PNG. */
final class ImageRenderer implements Renderer {

    @Override
    public boolean accepts(Object value) {
        return value instanceof RenderedImage;
    }

    @Override
    public void render(Object value, MimeBundle bundle) throws Exception {
        RenderedImage image = (RenderedImage) value;
        Png.put(bundle, Png.encode(image));
        bundle.put("text/plain", "image " + image.getWidth() + "x" + image.getHeight());
    }
}
