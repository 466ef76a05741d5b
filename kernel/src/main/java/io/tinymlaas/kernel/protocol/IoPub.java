package io.tinymlaas.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.tinymlaas.kernel.render.MimeBundle;
import io.tinymlaas.kernel.wire.KernelSockets;
import io.tinymlaas.kernel.wire.WireMessage;

import java.util.List;

/** Publishes on iopub: status, streams, displays, results, errors, each tied to its request. */
public final class IoPub {

    private static final Gson GSON = new Gson();

    private final KernelSockets sockets;

    public IoPub(KernelSockets sockets) {
        this.sockets = sockets;
    }

    public void publish(WireMessage parent, String type, JsonObject content) {
        WireMessage message = WireMessage.child(parent, sockets.session(), type, content);
        // iopub is a PUB socket: the request's routing identities do not belong on it.
        sockets.publish(new WireMessage(List.of(), message.header(), message.parentHeader(),
                message.metadata(), message.content(), message.buffers()));
    }

    public void status(WireMessage parent, String state) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        publish(parent, "status", content);
    }

    static JsonObject bundle(MimeBundle bundle) {
        JsonObject content = new JsonObject();
        content.add("data", GSON.toJsonTree(bundle.data()));
        content.add("metadata", GSON.toJsonTree(bundle.metadata()));
        return content;
    }
}
