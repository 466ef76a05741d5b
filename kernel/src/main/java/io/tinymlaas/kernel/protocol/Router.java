package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonObject;
import io.tinymlaas.kernel.Workbench;
import io.tinymlaas.kernel.comm.Comms;
import io.tinymlaas.kernel.history.HistoryStore;
import io.tinymlaas.kernel.render.Renderers;
import io.tinymlaas.kernel.wire.RequestLoop;
import io.tinymlaas.kernel.wire.RequestLoop.Replier;
import io.tinymlaas.kernel.wire.WireMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends each request to its handler between "busy" and "idle" statuses. An unknown request gets
 * an error reply; unknown messages that expect no reply are ignored.
 */
public final class Router implements RequestLoop.Dispatcher {

    /** What the kernel does when asked to shut down: reply first, then this. */
    public interface Shutdown {
        void now(boolean restart) throws InterruptedException;
    }

    private final IoPub iopub;
    private final Map<String, RequestHandler> handlers = new HashMap<>();

    public Router(IoPub iopub, ExecutionScope scope, CompletableFuture<Workbench> workbench,
                  Renderers renderers, HistoryStore history, Comms comms, Shutdown shutdown) {
        this.iopub = iopub;
        AssistHandlers assist = new AssistHandlers(workbench);
        handlers.put("execute_request", new ExecuteHandler(workbench, scope, iopub, renderers, history));
        handlers.put("complete_request", assist::complete);
        handlers.put("inspect_request", assist::inspect);
        handlers.put("is_complete_request", assist::isComplete);
        handlers.put("history_request", new HistoryHandler(history));
        handlers.put("kernel_info_request", (request, replier) ->
                replier.reply(request, "kernel_info_reply", KernelInfo.reply()));
        handlers.put("interrupt_request", (request, replier) -> {
            if (workbench.isDone()) {
                workbench.join().runner().interrupt();
            }
            replier.reply(request, "interrupt_reply", ok());
        });
        handlers.put("shutdown_request", (request, replier) -> {
            boolean restart = request.content().has("restart") && request.content().get("restart").getAsBoolean();
            JsonObject reply = ok();
            reply.addProperty("restart", restart);
            replier.reply(request, "shutdown_reply", reply);
            shutdown.now(restart);
        });
        handlers.put("comm_info_request", (request, replier) ->
                replier.reply(request, "comm_info_reply", comms.info(request.content())));
        handlers.put("comm_open", (request, replier) -> comms.opened(request));
        handlers.put("comm_msg", (request, replier) -> comms.message(request));
        handlers.put("comm_close", (request, replier) -> comms.closed(request));
    }

    private static JsonObject ok() {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        return content;
    }

    /** Comms are answered while a cell runs: a drawing pad must not wait for a long cell. */
    @Override
    public boolean handlesWhileBusy(WireMessage message) {
        return message.type().startsWith("comm_");
    }

    @Override
    public void abort(WireMessage request, Replier replier) throws Exception {
        if (!request.type().equals("execute_request")) {
            dispatch(request, replier);
            return;
        }
        iopub.status(request, "busy");
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "aborted");
        replier.reply(request, "execute_reply", reply);
        iopub.status(request, "idle");
    }

    @Override
    public void dispatch(WireMessage request, Replier replier) throws Exception {
        iopub.status(request, "busy");
        try {
            RequestHandler handler = handlers.get(request.type());
            if (handler != null) {
                handler.handle(request, replier);
            } else if (request.type().endsWith("_request")) {
                replier.replyError(request, "UnknownMessageType",
                        request.type() + " is not supported by this kernel");
            }
        } finally {
            iopub.status(request, "idle");
        }
    }
}
