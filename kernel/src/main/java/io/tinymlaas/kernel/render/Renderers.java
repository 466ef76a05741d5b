package io.tinymlaas.kernel.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks how a value shows in a cell. A renderer for a library is created only when that library
 * is on the class path, so the kernel runs without Tablesaw or XChart.
 */
public final class Renderers {

    /** Renderer class and the library class it needs, in the order they are tried. */
    private static final String[][] KNOWN = {
            {"io.tinymlaas.kernel.render.MimeRenderer", "io.tinymlaas.kernel.display.MimeContent"},
            {"io.tinymlaas.kernel.render.DisplayableRenderer", "io.tinymlaas.Displayable"},
            {"io.tinymlaas.kernel.render.TablesawRenderer", "tech.tablesaw.api.Table"},
            {"io.tinymlaas.kernel.render.XChartRenderer", "org.knowm.xchart.internal.chartpart.Chart"},
            {"io.tinymlaas.kernel.render.ImageRenderer", "java.awt.image.RenderedImage"},
    };

    private final List<Renderer> active = new ArrayList<>();

    public Renderers() {
        ClassLoader loader = Renderers.class.getClassLoader();
        for (String[] known : KNOWN) {
            try {
                Class.forName(known[1], false, loader);
                active.add((Renderer) Class.forName(known[0]).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError absent) {
                // Library not on the class path: its objects show as text.
            }
        }
    }

    /** Puts {@code renderer} before the others (the kernel's own, such as live views). */
    public void addFirst(Renderer renderer) {
        active.add(0, renderer);
    }

    public MimeBundle render(Object value) {
        MimeBundle bundle = new MimeBundle().put("text/plain", text(value));
        for (Renderer renderer : active) {
            if (renderer.accepts(value)) {
                try {
                    renderer.render(value, bundle);
                } catch (Exception e) {
                    bundle.put("text/plain", text(value) + "\n(could not render as "
                            + renderer.getClass().getSimpleName() + ": " + e + ")");
                }
                break;
            }
        }
        return bundle;
    }

    static String text(Object value) {
        try {
            if (value instanceof Object[] array) {
                return Arrays.deepToString(array);
            }
            if (value != null && value.getClass().isArray()) {
                return Arrays.deepToString(new Object[]{value}).replaceAll("^\\[|]$", "");
            }
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (toString() threw " + e + ")";
        }
    }
}
