package io.tinymlaas.kernel.render;

import io.tinymlaas.kernel.display.MimeContent;

/** Content made by html(), markdown(), image(): already in its MIME type. */
final class MimeRenderer implements Renderer {

    @Override
    public boolean accepts(Object value) {
        return value instanceof MimeContent;
    }

    @Override
    public void render(Object value, MimeBundle bundle) {
        MimeContent content = (MimeContent) value;
        bundle.put(content.mime(), content.data());
        bundle.put("text/plain", content.toString());
    }
}
