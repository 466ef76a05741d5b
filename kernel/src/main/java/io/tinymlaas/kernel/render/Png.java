package io.tinymlaas.kernel.render;

import java.util.Base64;

/** PNG bytes as Jupyter carries them: base64 text. */
final class Png {

    private Png() {
    }

    static void put(MimeBundle bundle, byte[] png) {
        bundle.put("image/png", Base64.getEncoder().encodeToString(png));
    }
}
