package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonArray;
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
        RequestFields fields = RequestFields.of(request);
        String access = fields.text("hist_access_type", "tail");
        List<HistoryEntry> entries;
        switch (access) {
            case "tail":
                entries = store.tail(fields.count("n", 10));
                break;
            case "range":
                entries = store.range(fields.number("session", 0), fields.number("start", 0),
                        fields.number("stop", 0));
                break;
            case "search":
                entries = store.search(fields.text("pattern", "*"), fields.count("n", 0),
                        fields.flag("unique", false));
                break;
            default:
                throw new RequestFields.BadRequestException("history_request \"hist_access_type\" is \"" + access
                        + "\": send one of tail, range, search");
        }
        boolean output = fields.flag("output", false);
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
}
