package io.tinymlaas.kernel.comm;

import com.google.gson.JsonObject;
import io.tinymlaas.kernel.render.MimeBundle;
import io.tinymlaas.kernel.render.Renderer;
import io.tinymlaas.live.LiveView;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Shows {@link LiveView}s (the drawing pad) with their script wired to a comm, and is the comm
 * target that script opens: it finds the view again by its id and hands it the comm as its link.
 * The wiring is Jupyter Notebook's ({@code Jupyter.notebook.kernel.comm_manager}); the view's own
 * script only sees {@code root} and {@code link}.
 */
public final class LiveViews implements Renderer<LiveView>, CommTarget {

    public static final String TARGET = "tinyml.view";
    /** Views shown last that a page may still connect to; older ones are let go. */
    private static final int KEPT = 64;

    private final Map<String, LiveView> views = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiveView> eldest) {
            return size() > KEPT;
        }
    });

    @Override
    public void render(LiveView view, MimeBundle bundle) {
        views.put(view.viewId(), view);
        bundle.put("text/html", html(view));
    }

    @Override
    public void opened(Comm comm, JsonObject data) {
        String id = data.has("view") ? data.get("view").getAsString() : "";
        LiveView view = views.get(id);
        if (view == null) {
            throw new IllegalArgumentException("no view " + id + " in this kernel (it restarted): run the cell again");
        }
        view.connected(comm);
    }

    static String html(LiveView view) {
        String element = "tinyml-view-" + UUID.randomUUID();
        return "<div id=\"" + element + "\">" + view.toHtml() + "</div>\n<script>\n(function () {\n"
                + "  var root = document.getElementById(\"" + element + "\");\n"
                + "  if (!root || root.dataset.started) { return; }\n"
                + "  root.dataset.started = \"1\";\n"
                + "  var messageHandlers = [], closeHandlers = [];\n"
                + "  var link = {connected: false, send: function () { },\n"
                + "    onMessage: function (f) { messageHandlers.push(f); },\n"
                + "    onClose: function (f) { closeHandlers.push(f); }};\n"
                + "  var kernel = window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel;\n"
                + "  if (kernel && kernel.comm_manager && kernel.is_connected()) {\n"
                + "    var comm = kernel.comm_manager.new_comm(\"" + TARGET + "\", {view: \"" + view.viewId() + "\"});\n"
                + "    link.connected = true;\n"
                + "    link.send = function (data) { if (link.connected) { comm.send(data); } };\n"
                + "    comm.on_msg(function (msg) { messageHandlers.forEach(function (f) { f(msg.content.data); }); });\n"
                + "    var lost = function () {\n"
                + "      if (!link.connected) { return; }\n"
                + "      link.connected = false;\n"
                + "      closeHandlers.forEach(function (f) { f(); });\n"
                + "    };\n"
                + "    comm.on_close(lost);\n"
                // A restart stops the page's channels before the old kernel's comm_close could arrive.
                + "    var events = kernel.events || Jupyter.notebook.events;\n"
                + "    if (events) { events.on(\"kernel_restarting.Kernel kernel_dead.Kernel\", lost); }\n"
                + "  }\n"
                + "  (function (root, link) {\n" + view.script() + "\n  })(root, link);\n"
                + "})();\n</script>";
    }
}
