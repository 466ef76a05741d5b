package io.tinymlaas.kernel.render;

import io.tinymlaas.Displayable;

/** DSL objects show themselves: their HTML and/or PNG, their toString as text. */
final class DisplayableRenderer implements Renderer<Displayable> {

    @Override
    public void render(Displayable displayable, MimeBundle bundle) {
        String html = displayable.toHtml();
        if (html != null) {
            bundle.put("text/html", html);
        }
        byte[] png = displayable.toPng();
        if (png != null) {
            Png.put(bundle, png);
        }
    }
}
