package io.tinymlaas.kernel.render;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/** PNG bytes as Jupyter carries them: base64 text, with width and height metadata. */
final class Png {

    private Png() {
    }

    static void put(MimeBundle bundle, byte[] png) {
        bundle.put("image/png", Base64.getEncoder().encodeToString(png));
    }

    static byte[] encode(RenderedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
