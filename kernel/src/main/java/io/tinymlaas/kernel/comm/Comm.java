package io.tinymlaas.kernel.comm;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import io.tinymlaas.live.Link;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One open Jupyter comm, seen from Java as a {@link Link}: JSON objects in and out as maps. */
public final class Comm implements Link {

    private static final Gson GSON = new Gson();
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();
    private static final Logger LOG = Logger.getLogger(Comm.class.getName());

    private final String id;
    private final String target;
    private final Comms owner;
    private final List<Consumer<Map<String, Object>>> messageHandlers = new CopyOnWriteArrayList<>();
    private final List<Runnable> closeHandlers = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    Comm(String id, String target, Comms owner) {
        this.id = id;
        this.target = target;
        this.owner = owner;
    }

    public String id() {
        return id;
    }

    public String target() {
        return target;
    }

    @Override
    public void send(Map<String, ?> message) {
        if (open) {
            owner.publish("comm_msg", content(json(message)));
        }
    }

    @Override
    public void onMessage(Consumer<Map<String, Object>> handler) {
        messageHandlers.add(handler);
    }

    @Override
    public void onClose(Runnable handler) {
        closeHandlers.add(handler);
    }

    @Override
    public void close() {
        if (closed()) {
            owner.publish("comm_close", content(new JsonObject()));
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** A comm_msg from the front end; runs on the comms thread. */
    void received(JsonObject data) {
        Map<String, Object> map = GSON.fromJson(data == null ? new JsonObject() : data, MAP);
        for (Consumer<Map<String, Object>> handler : messageHandlers) {
            try {
                handler.accept(map);
            } catch (RuntimeException | Error e) {
                // A handler's failure is the handler's to report (the pad shows it); the comm lives on.
                LOG.log(Level.WARNING, "comm " + target + " " + id + ": handler failed", e);
            }
        }
    }

    /** Marks the comm closed and tells the close handlers; true only the first time. */
    boolean closed() {
        if (!open) {
            return false;
        }
        open = false;
        owner.forget(this);
        for (Runnable handler : closeHandlers) {
            try {
                handler.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "comm " + target + " " + id + ": close handler failed", e);
            }
        }
        return true;
    }

    static JsonElement json(Map<String, ?> data) {
        return GSON.toJsonTree(data);
    }

    JsonObject content(JsonElement data) {
        JsonObject content = new JsonObject();
        content.addProperty("comm_id", id);
        content.add("data", data);
        return content;
    }
}
