package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tinymlaas.kernel.history.HistoryEntry;
import io.tinymlaas.kernel.history.HistoryStore;
import io.tinymlaas.kernel.wire.RequestLoop.Replier;
import io.tinymlaas.kernel.wire.WireMessage;

import java.util.List;

/** history_request: tail, range and search, entries as [session, line, input] or [.., [input, output]]. */
final class HistoryHandler implements RequestHandler {

    private final HistoryStore store;

    HistoryHandler(HistoryStore store) {
        this.store = store;
    }

    @Override
    public void handle(WireMessage request, Replier replier) {
        JsonObject content = request.content();
        String access = text(content, "hist_access_type", "tail");
        List<HistoryEntry> entries;
        switch (access) {
            case "tail":
                entries = store.tail(number(content, "n", 10));
                break;
            case "range":
                entries = store.range(number(content, "session", 0), number(content, "start", 0),
                        number(content, "stop", 0));
                break;
            case "search":
                entries = store.search(text(content, "pattern", "*"), number(content, "n", 0),
                        content.has("unique") && content.get("unique").getAsBoolean());
                break;
            default:
                throw new IllegalArgumentException("hist_access_type " + access + " is not one of tail, range, search");
        }
        boolean output = content.has("output") && content.get("output").getAsBoolean();
        JsonArray history = new JsonArray();
        for (HistoryEntry entry : entries) {
            JsonArray row = new JsonArray();
            row.add(entry.session());
            row.add(entry.line());
            if (output) {
                JsonArray pair = new JsonArray();
                pair.add(entry.input());
                pair.add(entry.output());
                row.add(pair);
            } else {
                row.add(entry.input());
            }
            history.add(row);
        }
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.add("history", history);
        replier.reply(request, "history_reply", reply);
    }

    private static String text(JsonObject content, String key, String fallback) {
        JsonElement value = content.get(key);
        return value == null || value.isJsonNull() ? fallback : value.getAsString();
    }

    private static int number(JsonObject content, String key, int fallback) {
        JsonElement value = content.get(key);
        return value == null || value.isJsonNull() ? fallback : value.getAsInt();
    }
}
