package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.tinymlaas.kernel.Workbench;
import io.tinymlaas.kernel.eval.CodeAssist;
import io.tinymlaas.kernel.wire.RequestLoop.Replier;
import io.tinymlaas.kernel.wire.WireMessage;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** complete_request, inspect_request and is_complete_request: answered by JShell's source analysis. */
final class AssistHandlers {

    private final CompletableFuture<Workbench> workbench;

    AssistHandlers(CompletableFuture<Workbench> workbench) {
        this.workbench = workbench;
    }

    private CodeAssist assist() {
        return workbench.join().assist();
    }

    /** Jupyter counts the cursor in Unicode code points, Java strings in UTF-16 units. */
    private static int cursor(JsonObject content, String code) {
        int codePoints = content.has("cursor_pos") && !content.get("cursor_pos").isJsonNull()
                ? content.get("cursor_pos").getAsInt() : code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.min(codePoints, code.codePointCount(0, code.length())));
    }

    private static int codePoints(String code, int index) {
        return code.codePointCount(0, index);
    }

    void complete(WireMessage request, Replier replier) {
        String code = request.content().get("code").getAsString();
        CodeAssist.Completion completion = assist().complete(code, cursor(request.content(), code));
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        JsonArray matches = new JsonArray();
        completion.matches().forEach(matches::add);
        reply.add("matches", matches);
        reply.addProperty("cursor_start", codePoints(code, completion.start()));
        reply.addProperty("cursor_end", codePoints(code, completion.end()));
        reply.add("metadata", new JsonObject());
        replier.reply(request, "complete_reply", reply);
    }

    void inspect(WireMessage request, Replier replier) {
        String code = request.content().get("code").getAsString();
        Optional<String> doc = assist().inspect(code, cursor(request.content(), code));
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.addProperty("found", doc.isPresent());
        JsonObject data = new JsonObject();
        doc.ifPresent(text -> data.addProperty("text/plain", text));
        reply.add("data", data);
        reply.add("metadata", new JsonObject());
        replier.reply(request, "inspect_reply", reply);
    }

    void isComplete(WireMessage request, Replier replier) {
        CodeAssist.Completeness completeness = assist().isComplete(request.content().get("code").getAsString());
        JsonObject reply = new JsonObject();
        reply.addProperty("status", completeness.status());
        if (completeness.status().equals("incomplete")) {
            reply.addProperty("indent", completeness.indent());
        }
        replier.reply(request, "is_complete_reply", reply);
    }
}
