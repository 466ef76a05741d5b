package io.tinymlaas.fleet;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Where a rollout stands, kept on the broker as a retained message ({@code <root>/rollout}) so that a
 * restarted kernel still knows what to roll back. Models are 8 hex digits; {@code previous} maps each
 * board to the model it ran before (null: none).
 */
public record RolloutState(String model, Map<String, String> previous, List<String> canaries, List<String> devices,
                           String phase, String message, String updated) implements Displayable {
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

    @Override
    public String toString() {
        return "rollout of model " + model + " to " + devices.size() + " boards (" + canaries.size() + " canaries): "
                + phase + (message.isEmpty() ? "" : ", " + message) + ", updated " + updated;
    }

    @Override
    public String toHtml() {
        StringBuilder rows = new StringBuilder("<table>");
        rows.append(Html.row("phase", phase)).append(Html.row("boards", String.join(", ", devices)))
                .append(Html.row("canaries", String.join(", ", canaries)))
                .append(Html.row("models before", String.join(", ", new java.util.TreeSet<>(
                        previous.values().stream().map(v -> v == null ? "none" : v).toList()))))
                .append(Html.row("updated", updated));
        return Html.card("Last rollout: model " + model, message.isEmpty() ? phase : message, rows.append("</table>").toString());
    }
}
