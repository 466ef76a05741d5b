package io.tinymlaas.fleet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Where a rollout stands, kept on the broker as a retained message ({@code <root>/rollout}) so that a
 * restarted kernel still knows what to roll back. Models are 8 hex digits; {@code previous} maps each
 * board to the model it ran before (null: none).
 */
public record RolloutState(String model, Map<String, String> previous, List<String> canaries, List<String> devices,
                           String phase, String message, String updated) {
    private static final Gson JSON = new GsonBuilder().serializeNulls().create();

    static RolloutState parse(byte[] json) {
        RolloutState s = JSON.fromJson(new String(json, StandardCharsets.UTF_8), RolloutState.class);
        if (s == null || s.model == null || s.previous == null || s.devices == null) {
            throw new IllegalArgumentException("not a rollout state");
        }
        return s;
    }

    RolloutState phase(String newPhase, String newMessage) {
        return new RolloutState(model, previous, canaries, devices, newPhase, newMessage, java.time.Instant.now().toString());
    }

    byte[] toJson() {
        return JSON.toJson(this).getBytes(StandardCharsets.UTF_8);
    }
}
