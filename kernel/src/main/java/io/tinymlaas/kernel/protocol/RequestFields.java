package io.tinymlaas.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.tinymlaas.kernel.wire.WireMessage;

/**
 * Reads the fields of a request's content, refusing values of the wrong kind with a message that
 * names the field and the value (the request loop turns it into an error reply).
 */
final class RequestFields {

    /** A request field is missing or of the wrong kind. */
    static final class BadRequestException extends IllegalArgumentException {
        BadRequestException(String message) {
            super(message);
        }
    }

    private final String type;
    private final JsonObject content;

    private RequestFields(String type, JsonObject content) {
        this.type = type;
        this.content = content;
    }

    static RequestFields of(WireMessage request) {
        return new RequestFields(request.type(), request.content());
    }

    /** A string field that must be there. */
    String text(String key) {
        JsonElement value = content.get(key);
        if (value == null || value.isJsonNull()) {
            throw new BadRequestException(type + " has no \"" + key + "\": send it as a string");
        }
        return string(key, value);
    }

    String text(String key, String fallback) {
        JsonElement value = content.get(key);
        return value == null || value.isJsonNull() ? fallback : string(key, value);
    }

    int number(String key, int fallback) {
        JsonElement value = content.get(key);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        if (value instanceof JsonPrimitive p && p.isNumber()) {
            double number = p.getAsDouble();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw new BadRequestException(type + " \"" + key + "\" is " + value + ": send a whole number");
    }

    /** A whole number of 0 or more. */
    int count(String key, int fallback) {
        int number = number(key, fallback);
        if (number < 0) {
            throw new BadRequestException(type + " \"" + key + "\" is " + number + ": send 0 or more");
        }
        return number;
    }

    boolean flag(String key, boolean fallback) {
        JsonElement value = content.get(key);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        if (value instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        throw new BadRequestException(type + " \"" + key + "\" is " + value + ": send true or false");
    }

    private String string(String key, JsonElement value) {
        if (value instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        throw new BadRequestException(type + " \"" + key + "\" is " + value + ": send a string");
    }
}
