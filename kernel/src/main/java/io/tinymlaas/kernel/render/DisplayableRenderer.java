package io.tinymlaas.kernel.render;

import io.tinymlaas.Displayable;

/** DSL objects show themselves: their HTML and/or PNG, their toString as text. */
final class DisplayableRenderer implements Renderer {

    @Override
    public boolean accepts(Object value) {
        return value instanceof Displayable;
    }

    @Override
    public void render(Object value, MimeBundle bundle) {
        Displayable displayable = (Displayable) value;
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
