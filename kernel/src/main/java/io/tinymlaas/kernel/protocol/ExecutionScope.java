package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonObject;
import io.tinymlaas.kernel.display.DisplaySink;
import io.tinymlaas.kernel.io.CellStreams;
import io.tinymlaas.kernel.io.InputUnavailableException;
import io.tinymlaas.kernel.io.NotebookInput;
import io.tinymlaas.kernel.render.MimeBundle;
import io.tinymlaas.kernel.render.Renderers;
import io.tinymlaas.kernel.wire.StdinChannel;
import io.tinymlaas.kernel.wire.WireMessage;

import java.util.concurrent.CompletableFuture;

/**
 * The execute request whose cell output is being produced. Printing and display() from any thread
 * go to the cell that runs now (or ran last, for threads that outlive their cell); reading
 * System.in asks that cell's front end for a line, when it accepts input.
 */
public final class ExecutionScope implements DisplaySink, NotebookInput.LineSource {

    private final IoPub iopub;
    private final Renderers renderers;
    private final StdinChannel stdin;
    private final CellStreams streams;
    private volatile WireMessage current;

    public ExecutionScope(IoPub iopub, Renderers renderers, StdinChannel stdin) {
        this.iopub = iopub;
        this.renderers = renderers;
        this.stdin = stdin;
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

    /** Sends input_request to the cell's front end and waits for the line; an interrupt stops the wait. */
    @Override
    public String readLine(String prompt) {
        WireMessage request = current;
        if (request == null || !RequestFields.of(request).flag("allow_stdin", false)) {
            throw new InputUnavailableException("System.in cannot be read here: this front end does not take "
                    + "input (allow_stdin is false, as in nbclient or nbconvert runs); put the value in the cell instead");
        }
        // The prompt the cell printed comes before the input box.
        streams.flush();
        CompletableFuture<String> answer = stdin.ask(request, prompt, false);
        try {
            return answer.join();
        } finally {
            answer.cancel(false);
        }
    }

    @Override
    public void clear() {
        streams.flush();
        JsonObject content = new JsonObject();
        content.addProperty("wait", false);
        iopub.publish(current, "clear_output", content);
    }
}
