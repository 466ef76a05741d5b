package io.tinymlaas.kernel.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks how a value shows in a cell. A renderer for a library is created only when that library
 * is on the class path, so the kernel runs without Tablesaw or XChart.
 */
public final class Renderers {

    /**
     * Renderer class and the class of the objects it shows, in the order they are tried; that class
     * comes from the library the renderer needs.
     */
    private static final String[][] KNOWN = {
            {"io.tinymlaas.kernel.render.MimeRenderer", "io.tinymlaas.kernel.display.MimeContent"},
            {"io.tinymlaas.kernel.render.DisplayableRenderer", "io.tinymlaas.Displayable"},
            {"io.tinymlaas.kernel.render.TablesawRenderer", "tech.tablesaw.api.Table"},
            {"io.tinymlaas.kernel.render.XChartRenderer", "org.knowm.xchart.internal.chartpart.Chart"},
            {"io.tinymlaas.kernel.render.ImageRenderer", "java.awt.image.RenderedImage"},
    };

    /** A renderer and the kind of object it shows (that kind's subclasses too). */
    private record Kind<T>(Class<T> type, Renderer<? super T> renderer) {
        void render(Object value, MimeBundle bundle) throws Exception {
            renderer.render(type.cast(value), bundle);
        }
    }

    private final List<Kind<?>> active = new ArrayList<>();

    public Renderers() {
        ClassLoader loader = Renderers.class.getClassLoader();
        for (String[] known : KNOWN) {
            try {
                Class<?> type = Class.forName(known[1], false, loader);
                active.add(kind(type, Class.forName(known[0]).getDeclaredConstructor().newInstance()));
            } catch (ReflectiveOperationException | LinkageError absent) {
                // Library not on the class path: its objects show as text.
            }
        }
    }

    /** KNOWN pairs each renderer with the kind its type parameter names. */
    @SuppressWarnings("unchecked")
    private static <T> Kind<T> kind(Class<T> type, Object renderer) {
        return new Kind<>(type, (Renderer<T>) renderer);
    }

    /** Puts {@code renderer}, for objects of {@code type}, before the others (the kernel's own, such as live views). */
    public <T> void addFirst(Class<T> type, Renderer<? super T> renderer) {
        active.add(0, new Kind<>(type, renderer));
    }

    public MimeBundle render(Object value) {
        MimeBundle bundle = new MimeBundle().put("text/plain", text(value));
        for (Kind<?> kind : active) {
            if (kind.type().isInstance(value)) {
                try {
                    kind.render(value, bundle);
                } catch (Exception e) {
                    bundle.put("text/plain", text(value) + "\n(could not render as "
                            + kind.renderer().getClass().getSimpleName() + ": " + e + ")");
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
