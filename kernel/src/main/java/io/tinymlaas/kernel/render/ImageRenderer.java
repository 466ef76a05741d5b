package io.tinymlaas.kernel.render;

import io.tinymlaas.kernel.display.MimeContent;
import io.tinymlaas.kernel.display.Notebook;

import java.awt.image.RenderedImage;

/** java.awt images (BufferedImage and friends) as PNG. */
final class ImageRenderer implements Renderer<RenderedImage> {

    @Override
    public void render(RenderedImage image, MimeBundle bundle) {
        MimeContent png = Notebook.image(image);
        bundle.put(png.mime(), png.data());
        bundle.put("text/plain", "image " + image.getWidth() + "x" + image.getHeight());
    }
}
