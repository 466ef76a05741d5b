package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.tinymlaas.kernel.wire.WireMessage;

/** kernel_info_reply: who we are and the language we speak. */
final class KernelInfo {

    static final String VERSION = "0.1.0";

    private KernelInfo() {
    }

    static JsonObject reply() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().toString());
        language.addProperty("mimetype", "text/x-java");
        language.addProperty("file_extension", ".java");
        language.addProperty("codemirror_mode", "text/x-java");
        language.addProperty("pygments_lexer", "java");
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.addProperty("protocol_version", WireMessage.PROTOCOL_VERSION);
        reply.addProperty("implementation", "tinymlaas");
        reply.addProperty("implementation_version", VERSION);
        reply.add("language_info", language);
        reply.addProperty("banner", "Java " + Runtime.version() + " (TinyML) — %lsmagic lists the magics");
        reply.add("help_links", new JsonArray());
        return reply;
    }
}
