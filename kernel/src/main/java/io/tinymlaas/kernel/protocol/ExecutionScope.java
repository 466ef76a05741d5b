package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonObject;
import io.tinymlaas.kernel.display.DisplaySink;
import io.tinymlaas.kernel.io.CellStreams;
import io.tinymlaas.kernel.render.MimeBundle;
import io.tinymlaas.kernel.render.Renderers;
import io.tinymlaas.kernel.wire.WireMessage;

/**
 * The execute request whose cell output is being produced. Printing and display() from any thread
 * go to the cell that runs now (or ran last, for threads that outlive their cell).
 */
public final class ExecutionScope implements DisplaySink {

    private final IoPub iopub;
    private final Renderers renderers;
    private final CellStreams streams;
    private volatile WireMessage current;

    public ExecutionScope(IoPub iopub, Renderers renderers) {
        this.iopub = iopub;
        this.renderers = renderers;
        this.streams = new CellStreams(this::stream);
    }

    public CellStreams streams() {
        return streams;
    }

    void enter(WireMessage request) {
        current = request;
    }

    /** The execute request whose cell runs now (or ran last). */
    public WireMessage request() {
        return current;
    }

    private void stream(String name, String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        iopub.publish(current, "stream", content);
    }

    @Override
    public void display(Object value, String displayId) {
        publishBundle("display_data", renderers.render(value), displayId);
    }

    @Override
    public void update(String displayId, Object value) {
        publishBundle("update_display_data", renderers.render(value), displayId);
    }

    private void publishBundle(String type, MimeBundle bundle, String displayId) {
        streams.flush();
        JsonObject content = IoPub.bundle(bundle);
        JsonObject transientData = new JsonObject();
        if (displayId != null) {
            transientData.addProperty("display_id", displayId);
        }
        content.add("transient", transientData);
        iopub.publish(current, type, content);
    }

    @Override
    public void clear() {
        streams.flush();
        JsonObject content = new JsonObject();
        content.addProperty("wait", false);
        iopub.publish(current, "clear_output", content);
    }
}
