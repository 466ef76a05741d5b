package io.tinymlaas.kernel.comm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tinymlaas.kernel.wire.WireMessage;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kernel's side of Jupyter comms (messaging spec 5.3): the targets a front end may open, the
 * comms open now, and messages both ways. Handlers run in order on one "comms" thread, so the
 * shell loop never waits for them (a pad's callback may talk to a slow board) and they run the
 * same whether or not a cell is running.
 */
public final class Comms {

    /** Publishes on iopub: the kernel's half of the comm messages. */
    public interface Publisher {
        void publish(WireMessage parent, String type, JsonObject content);
    }

    private static final Logger LOG = Logger.getLogger(Comms.class.getName());

    private final Publisher iopub;
    private final Supplier<WireMessage> currentRequest;
    private final Map<String, CommTarget> targets = new ConcurrentHashMap<>();
    private final Map<String, Comm> open = new ConcurrentHashMap<>();
    /** On the comms thread: the front end's message being handled, which the kernel's answers reply to. */
    private final ThreadLocal<WireMessage> handling = new ThreadLocal<>();
    private final ExecutorService handlers = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "comms");
        thread.setDaemon(true);
        return thread;
    });

    /** @param currentRequest the request the kernel works for now: the parent of comms it opens itself */
    public Comms(Publisher iopub, Supplier<WireMessage> currentRequest) {
        this.iopub = iopub;
        this.currentRequest = currentRequest;
    }

    public void register(String targetName, CommTarget target) {
        targets.put(targetName, target);
    }

    /** Opens a comm from the kernel to a target registered in the front end. */
    public Comm open(String targetName, Map<String, ?> data) {
        Comm comm = new Comm(UUID.randomUUID().toString(), targetName, this);
        open.put(comm.id(), comm);
        JsonObject content = comm.content(Comm.json(data));
        content.addProperty("target_name", targetName);
        publish("comm_open", content);
        return comm;
    }

    /** comm_open from the front end: an unknown target is refused with comm_close, as IPython does. */
    public void opened(WireMessage message) {
        JsonObject content = message.content();
        String id = string(content, "comm_id");
        String targetName = string(content, "target_name");
        CommTarget target = targets.get(targetName);
        if (id == null) {
            LOG.warning("comm_open without a comm_id ignored");
            return;
        }
        if (target == null) {
            refuse(message, id);
            return;
        }
        Comm comm = new Comm(id, targetName, this);
        open.put(id, comm);
        JsonObject data = content.has("data") && content.get("data").isJsonObject()
                ? content.getAsJsonObject("data") : new JsonObject();
        handle(message, () -> {
            try {
                target.opened(comm, data);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.INFO, "comm to " + targetName + " refused: " + e.getMessage());
                comm.close();
            }
        });
    }

    /** comm_msg from the front end; one for a comm this kernel does not know (it restarted) closes it there. */
    public void message(WireMessage message) {
        String id = string(message.content(), "comm_id");
        Comm comm = id == null ? null : open.get(id);
        if (comm == null) {
            if (id != null) {
                refuse(message, id);
            }
            return;
        }
        JsonElement data = message.content().get("data");
        handle(message, () -> comm.received(data != null && data.isJsonObject() ? data.getAsJsonObject() : null));
    }

    /** comm_close from the front end. */
    public void closed(WireMessage message) {
        String id = string(message.content(), "comm_id");
        Comm comm = id == null ? null : open.get(id);
        if (comm != null) {
            handle(message, comm::closed);
        }
    }

    /** comm_info_reply content: the open comms, only those of {@code target_name} when the request names one. */
    public JsonObject info(JsonObject request) {
        String only = string(request, "target_name");
        JsonObject comms = new JsonObject();
        open.values().stream().filter(c -> only == null || only.equals(c.target())).forEach(c -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("target_name", c.target());
            comms.add(c.id(), entry);
        });
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.add("comms", comms);
        return reply;
    }

    /** Closes every open comm (kernel shutdown), telling the front end. */
    public void closeAll() {
        open.values().forEach(Comm::close);
    }

    /** Runs a handler on the comms thread, with the message it answers as the parent of what it sends. */
    private void handle(WireMessage message, Runnable handler) {
        handlers.execute(() -> {
            handling.set(message);
            try {
                handler.run();
            } finally {
                handling.remove();
            }
        });
    }

    /** Sent from a handler: a reply to the message handled; from a cell: part of the cell's output. */
    void publish(String type, JsonObject content) {
        WireMessage parent = handling.get();
        iopub.publish(parent != null ? parent : currentRequest.get(), type, content);
    }

    void forget(Comm comm) {
        open.remove(comm.id());
    }

    private void refuse(WireMessage message, String id) {
        JsonObject close = new JsonObject();
        close.addProperty("comm_id", id);
        close.add("data", new JsonObject());
        iopub.publish(message, "comm_close", close);
    }

    private static String string(JsonObject content, String key) {
        JsonElement value = content == null ? null : content.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
