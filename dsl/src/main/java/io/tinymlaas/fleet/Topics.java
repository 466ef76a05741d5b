package io.tinymlaas.fleet;

/**
 * The fleet's MQTT topics, in one place (docs/fleet.md; firmware/net/main.c uses the same layout).
 * Under a root (default {@code tinyml}): {@code devices/<id>/status} (retained, with a last will),
 * {@code devices/<id>/model} (retained: a restarted board gets its model back from the broker),
 * {@code devices/<id>/infer} and {@code devices/<id>/result}, {@code devices/<id>/telemetry},
 * {@code models/<crc>} (retained blobs, for rollback) and {@code rollout} (retained rollout state).
 */
record Topics(String root) {

    static final String DEFAULT_ROOT = "tinyml";

    Topics {
        if (root.isEmpty() || root.contains("+") || root.contains("#") || root.startsWith("/") || root.endsWith("/")) {
            throw new IllegalArgumentException("topic root '" + root + "' must be a plain MQTT topic such as \"tinyml\""
                    + " or \"building-7/tinyml\" (no wildcards, no leading or trailing slash)");
        }
    }

    String device(String id, String leaf) {
        return root + "/devices/" + id + "/" + leaf;
    }

    String everyDevice(String leaf) {
        return root + "/devices/+/" + leaf;
    }

    String model(long crc) {
        return root + "/models/" + String.format("%08x", crc);
    }

    String rollout() {
        return root + "/rollout";
    }

    /** The device id of a {@code <root>/devices/<id>/<leaf>} topic, or null when it is not one. */
    String deviceOf(String topic, String leaf) {
        String prefix = root + "/devices/";
        String suffix = "/" + leaf;
        if (!topic.startsWith(prefix) || !topic.endsWith(suffix) || topic.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        String id = topic.substring(prefix.length(), topic.length() - suffix.length());
        return id.contains("/") ? null : id;
    }
}
