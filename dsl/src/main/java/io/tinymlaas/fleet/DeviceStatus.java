package io.tinymlaas.fleet;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * What a board last said about itself on its retained status topic (or its last will: offline).
 * {@code model} is the running model's id (the blob's CRC32), empty when it runs none.
 */
public record DeviceStatus(String id, boolean online, String firmware, int blobFormat, long freeRam, long blobCapacity,
                           OptionalLong model, int loadsOk, int loadsFailed, String lastError, Instant lastSeen) {

    /** Parses a status message; a will ({"id":..,"online":false}) keeps what the previous status said. */
    static DeviceStatus parse(String id, byte[] payload, DeviceStatus previous, Instant now) {
        JsonObject o = JsonParser.parseString(new String(payload, java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
        boolean online = o.has("online") && o.get("online").getAsBoolean();
        if (!online && previous != null) {
            return new DeviceStatus(id, false, previous.firmware, previous.blobFormat, previous.freeRam,
                    previous.blobCapacity, previous.model, previous.loadsOk, previous.loadsFailed, previous.lastError, now);
        }
        return new DeviceStatus(id, online, text(o, "firmware"), integer(o, "blob_format"), integer(o, "free_ram"),
                integer(o, "blob_capacity"), crc(o.get("model")), integer(o, "loads_ok"), integer(o, "loads_failed"),
                text(o, "last_error"), now);
    }

    /** The running model's id as 8 hex digits, or "none". */
    public String modelHex() {
        return model.isPresent() ? String.format("%08x", model.getAsLong()) : "none";
    }

    boolean runs(long crc) {
        return online && model.isPresent() && model.getAsLong() == crc;
    }

    private static OptionalLong crc(JsonElement e) {
        return e == null || e.isJsonNull() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(e.getAsString(), 16));
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static int integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? 0 : e.getAsInt();
    }
}
