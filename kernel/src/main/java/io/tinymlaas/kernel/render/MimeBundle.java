package io.tinymlaas.kernel.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** One object in several forms, keyed by MIME type ("text/plain", "text/html", "image/png" base64…). */
public final class MimeBundle {

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    public MimeBundle put(String mime, Object value) {
        data.put(mime, value);
        return this;
    }

    public MimeBundle meta(String mime, Object value) {
        metadata.put(mime, value);
        return this;
    }

    public Map<String, Object> data() {
        return data;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public String text() {
        return String.valueOf(data.getOrDefault("text/plain", ""));
    }
}
