package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.tinymlaas.kernel.Workbench;
import io.tinymlaas.kernel.eval.CellResult;
import io.tinymlaas.kernel.eval.ErrorReport;
import io.tinymlaas.kernel.history.HistoryStore;
import io.tinymlaas.kernel.render.MimeBundle;
import io.tinymlaas.kernel.render.Renderers;
import io.tinymlaas.kernel.wire.RequestLoop.Replier;
import io.tinymlaas.kernel.wire.WireMessage;

import java.util.concurrent.CompletableFuture;

/** execute_request: runs the cell, streams its output, publishes its value or error, records history. */
final class ExecuteHandler implements RequestHandler {

    private final CompletableFuture<Workbench> workbench;
    private final ExecutionScope scope;
    private final IoPub iopub;
    private final Renderers renderers;
    private final HistoryStore history;
    private int executionCount;

    ExecuteHandler(CompletableFuture<Workbench> workbench, ExecutionScope scope, IoPub iopub,
                   Renderers renderers, HistoryStore history) {
        this.workbench = workbench;
        this.scope = scope;
        this.iopub = iopub;
        this.renderers = renderers;
        this.history = history;
    }

    @Override
    public void handle(WireMessage request, Replier replier) throws Exception {
        RequestFields fields = RequestFields.of(request);
        String code = fields.text("code");
        boolean silent = fields.flag("silent", false);
        boolean storeHistory = !silent && fields.flag("store_history", true);
        boolean stopOnError = fields.flag("stop_on_error", true);
        if (!silent) {
            executionCount++;
        }
        int count = executionCount;
        scope.enter(request);
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            iopub.publish(request, "execute_input", input);
        }
        // Comm messages (a drawing pad) are answered while the cell runs.
        CellResult result = replier.whileRunning(() -> workbench.join().runner().run(count, code, renderers::render));
        scope.streams().flush();

        String output = null;
        JsonObject reply = new JsonObject();
        reply.addProperty("execution_count", count);
        if (result.failed()) {
            JsonObject error = error(result.error());
            iopub.publish(request, "error", error);
            reply.addProperty("status", "error");
            error.entrySet().forEach(e -> reply.add(e.getKey(), e.getValue()));
            if (stopOnError) {
                replier.abortQueued();
            }
        } else {
            reply.addProperty("status", "ok");
            reply.add("user_expressions", new JsonObject());
            JsonArray payload = new JsonArray();
            if (result.page() != null) {
                JsonObject page = new JsonObject();
                page.addProperty("source", "page");
                JsonObject data = new JsonObject();
                data.addProperty("text/plain", result.page());
                page.add("data", data);
                page.addProperty("start", 0);
                payload.add(page);
            }
            reply.add("payload", payload);
            if (result.hasValue() && !silent) {
                MimeBundle bundle = (MimeBundle) result.value();
                JsonObject value = IoPub.bundle(bundle);
                value.addProperty("execution_count", count);
                iopub.publish(request, "execute_result", value);
                output = bundle.text();
            }
        }
        if (storeHistory) {
            // A history that cannot be written is the user's to know, not the cell's failure.
            history.add(count, code, output).ifPresent(warning -> {
                JsonObject stream = new JsonObject();
                stream.addProperty("name", "stderr");
                stream.addProperty("text", warning + "\n");
                iopub.publish(request, "stream", stream);
            });
        }
        replier.reply(request, "execute_reply", reply);
    }

    private static JsonObject error(ErrorReport report) {
        JsonObject error = new JsonObject();
        error.addProperty("ename", report.ename());
        error.addProperty("evalue", report.evalue());
        JsonArray traceback = new JsonArray();
        report.traceback().forEach(traceback::add);
        error.add("traceback", traceback);
        return error;
    }
}
