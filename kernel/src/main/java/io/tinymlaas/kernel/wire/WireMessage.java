package io.tinymlaas.kernel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One Jupyter message as it travels: routing identities, the four JSON parts, and binary buffers. */
public record WireMessage(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
                          JsonObject metadata, JsonObject content, List<byte[]> buffers) {

    public static final String PROTOCOL_VERSION = "5.3";

    /** The header's msg_type; "" when it is missing or not a string (the codec refuses those). */
    public String type() {
        JsonElement type = header == null ? null : header.get("msg_type");
        return type instanceof JsonPrimitive p && p.isString() ? p.getAsString() : "";
    }

    /** A new message answering or caused by {@code parent} (null for none), sent in {@code session}. */
    public static WireMessage child(WireMessage parent, String session, String type, JsonObject content) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("username", "kernel");
        header.addProperty("session", session);
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", PROTOCOL_VERSION);
        return new WireMessage(parent == null ? List.of() : parent.identities(), header,
                parent == null ? new JsonObject() : parent.header(), new JsonObject(), content, List.of());
    }
}
