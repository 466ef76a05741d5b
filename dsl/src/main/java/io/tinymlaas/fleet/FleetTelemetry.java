package io.tinymlaas.fleet;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the boards report about their work: inferences, errors, a latency histogram (bucket k holds
 * times up to 16·2^k µs) and how often each class came out on top. Accumulated since the fleet was
 * connected; a snapshot ({@link Fleet#telemetry()}) displays as a table.
 */
public final class FleetTelemetry implements Displayable {
    static final int LATENCY_BUCKETS = 12;

    private final Map<String, Board> boards;
    private final List<DeviceStatus> statuses;

    FleetTelemetry() {
        this(new TreeMap<>(), List.of());
    }

    private FleetTelemetry(Map<String, Board> boards, List<DeviceStatus> statuses) {
        this.boards = boards;
        this.statuses = statuses;
    }

    synchronized void add(String id, byte[] payload, Instant now) {
        JsonObject o;
        try {
            o = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            return; // not telemetry this version understands
        }
        boards.computeIfAbsent(id, k -> new Board()).add(o, now);
    }

    synchronized FleetTelemetry snapshot(List<DeviceStatus> current) {
        Map<String, Board> copy = new TreeMap<>();
        boards.forEach((id, b) -> copy.put(id, b.copy()));
        return new FleetTelemetry(copy, current);
    }

    /** Inferences reported by every board together. */
    public long inferences() {
        return boards.values().stream().mapToLong(b -> b.inferences).sum();
    }

    public long errors() {
        return boards.values().stream().mapToLong(b -> b.errors).sum();
    }

    /** One row a board: model, inferences, per second (last report), errors, latency p50/p95 (µs), top class. */
    public Table table() {
        Table t = Table.create("telemetry", StringColumn.create("id"), StringColumn.create("online"),
                StringColumn.create("model"), LongColumn.create("inferences"), DoubleColumn.create("per s"),
                LongColumn.create("errors"), IntColumn.create("p50 µs"), IntColumn.create("p95 µs"),
                StringColumn.create("top class"));
        for (Map.Entry<String, Board> e : boards.entrySet()) {
            Board b = e.getValue();
            t.stringColumn("id").append(e.getKey());
            t.stringColumn("online").append(statuses.stream().filter(s -> s.id().equals(e.getKey())).findFirst()
                    .map(s -> s.online() ? "yes" : "no").orElse("?"));
            t.stringColumn("model").append(b.model);
            t.longColumn("inferences").append(b.inferences);
            t.doubleColumn("per s").append(Math.round(b.perSecond * 10) / 10.0);
            t.longColumn("errors").append(b.errors);
            t.intColumn("p50 µs").append(b.latencyQuantile(0.5));
            t.intColumn("p95 µs").append(b.latencyQuantile(0.95));
            t.stringColumn("top class").append(b.topClass());
        }
        return t;
    }

    @Override
    public String toHtml() {
        return Html.card("Fleet telemetry", boards.size() + " boards, " + inferences() + " inferences, " + errors()
                + " errors", Html.table(table()));
    }

    @Override
    public String toString() {
        return table().printAll();
    }

    /** One board's sums. */
    private static final class Board {
        String model = "none";
        long inferences;
        long errors;
        double perSecond;
        Instant lastReport;
        final long[] latency = new long[LATENCY_BUCKETS];
        final long[] classes = new long[32];

        void add(JsonObject o, Instant now) {
            long n = o.get("inferences").getAsLong();
            inferences += n;
            errors += o.get("errors").getAsLong();
            model = o.get("model").isJsonNull() ? "none" : o.get("model").getAsString();
            if (lastReport != null) {
                double seconds = Duration.between(lastReport, now).toMillis() / 1000.0;
                perSecond = seconds > 0 ? n / seconds : 0;
            }
            lastReport = now;
            JsonArray l = o.getAsJsonArray("latency_us");
            for (int i = 0; i < Math.min(LATENCY_BUCKETS, l.size()); i++) {
                latency[i] += l.get(i).getAsLong();
            }
            JsonArray c = o.getAsJsonArray("classes");
            for (int i = 0; i < Math.min(classes.length, c.size()); i++) {
                classes[i] += c.get(i).getAsLong();
            }
        }

        /** The upper bound (µs) of the histogram bucket that holds quantile q; 0 without data. */
        int latencyQuantile(double q) {
            long total = 0;
            for (long v : latency) {
                total += v;
            }
            if (total == 0) {
                return 0;
            }
            long seen = 0;
            for (int i = 0; i < LATENCY_BUCKETS; i++) {
                seen += latency[i];
                if (seen >= q * total) {
                    return 16 << i;
                }
            }
            return 16 << (LATENCY_BUCKETS - 1);
        }

        String topClass() {
            int best = -1;
            for (int i = 0; i < classes.length; i++) {
                if (classes[i] > 0 && (best < 0 || classes[i] > classes[best])) {
                    best = i;
                }
            }
            return best < 0 ? "" : best + " (" + classes[best] + ")";
        }

        Board copy() {
            Board b = new Board();
            b.model = model;
            b.inferences = inferences;
            b.errors = errors;
            b.perSecond = perSecond;
            b.lastReport = lastReport;
            System.arraycopy(latency, 0, b.latency, 0, latency.length);
            System.arraycopy(classes, 0, b.classes, 0, classes.length);
            return b;
        }
    }
}
