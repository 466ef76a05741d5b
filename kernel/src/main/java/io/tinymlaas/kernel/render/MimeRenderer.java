package io.tinymlaas.kernel.render;

import io.tinymlaas.kernel.display.MimeContent;

/** Content made by html(), markdown(), image(): already in its MIME type. */
final class MimeRenderer implements Renderer<MimeContent> {

    @Override
    public void render(MimeContent content, MimeBundle bundle) {
        bundle.put(content.mime(), content.data());
        bundle.put("text/plain", content.toString());
    }
}
