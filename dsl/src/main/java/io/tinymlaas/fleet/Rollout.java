package io.tinymlaas.fleet;

import io.tinymlaas.codegen.BlobWriter;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.quant.QuantizedModel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A staged rollout: the model goes to a canary share of the boards first; each canary must then
 * answer the check inputs with exactly the notebook's int8 bytes (and, when asked, reach a minimum
 * accuracy on labelled check data); only then does it go to the rest. A failed check puts the
 * canaries' previous models back. Boards that are down get the model when they come back: it is
 * retained on their topic.
 *
 * <pre>{@code fleet.rollout(q).canary(0.1).check(data.test().take(20)).minAccuracy(0.8).start()}</pre>
 */
public final class Rollout {
    private static final long REPUBLISH_MILLIS = 5_000;

    private final Fleet fleet;
    private final QuantizedModel model;
    private double canaryShare = 0.1;
    private Dataset checkData;
    private int randomChecks = 20;
    private double minAccuracy = Double.NaN;
    private List<String> only;
    private Duration timeout = Duration.ofSeconds(60);
    private Duration answerTimeout = Duration.ofSeconds(5);

    Rollout(Fleet fleet, QuantizedModel model) {
        if (model == null) {
            throw new IllegalArgumentException("no model to roll out: quantize one first (var q = model.quantize(data.train().take(500)))");
        }
        this.fleet = fleet;
        this.model = model;
    }

    /** The share of boards that get the model first and are checked (0..1; at least one board when above 0). */
    public Rollout canary(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("canary share " + share + " is not between 0 and 1: e.g. canary(0.1) for 10 %");
        }
        this.canaryShare = share;
        return this;
    }

    /** Check the canaries on these inputs (their labels too, with {@link #minAccuracy}); default: 20 seeded random inputs. */
    public Rollout check(Dataset data) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("the check data is empty: give a few test inputs, e.g. check(data.test().take(20))");
        }
        this.checkData = data;
        return this;
    }

    /** The canaries' accuracy on the labelled check data must reach this (0..1). */
    public Rollout minAccuracy(double accuracy) {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("minimum accuracy " + accuracy + " is not between 0 and 1: e.g. minAccuracy(0.8)");
        }
        this.minAccuracy = accuracy;
        return this;
    }

    /** Only these boards (default: every board online when the rollout starts). */
    public Rollout devices(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("no boards named: give at least one id, e.g. devices(List.of(\"board-00\"))");
        }
        this.only = List.copyOf(ids);
        return this;
    }

    /** How long each stage waits for its boards to run the model (default 60 s). */
    public Rollout timeout(Duration stageTimeout) {
        if (stageTimeout == null || stageTimeout.isNegative() || stageTimeout.isZero()) {
            throw new IllegalArgumentException("timeout " + stageTimeout + " must be positive, e.g. Duration.ofSeconds(60)");
        }
        this.timeout = stageTimeout;
        return this;
    }

    /** Runs the rollout to its end and says how it went. */
    public RolloutResult start() {
        byte[] blob = BlobWriter.write(model.graph());
        long crc = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(blob.length - 4) & 0xFFFFFFFFL;
        String hex = String.format("%08x", crc);
        List<String> targets = only != null ? only : fleet.statuses().stream().filter(DeviceStatus::online).map(DeviceStatus::id).toList();
        if (targets.isEmpty()) {
            throw new FleetException("no board is online under " + fleet.topics().root() + "/devices: start boards"
                    + " (NetworkBoards.start(url, 5)) or check that they use the same broker and topic root");
        }
        long started = System.nanoTime();
        Map<String, String> previous = new LinkedHashMap<>();
        for (String id : targets) {
            previous.put(id, fleet.status(id).filter(s -> s.model().isPresent()).map(DeviceStatus::modelHex).orElse(null));
        }
        int canaryCount = canaryShare == 0 ? 0 : Math.max(1, (int) Math.ceil(canaryShare * targets.size()));
        List<String> canaries = targets.subList(0, Math.min(canaryCount, targets.size()));
        List<String> rest = targets.subList(canaries.size(), targets.size());
        RolloutState state = new RolloutState(hex, previous, canaries, targets, "canary", "", java.time.Instant.now().toString());
        fleet.storeModel(crc, blob);
        fleet.saveState(state);
        Map<String, RolloutResult.Outcome> outcomes = new LinkedHashMap<>();

        if (!canaries.isEmpty()) {
            outcomes.putAll(deliver(canaries, blob, crc, "canary", started));
            String failure = firstFailure(outcomes.values());
            if (failure == null) {
                failure = checkCanaries(canaries);
            }
            if (failure != null) {
                outcomes.putAll(restore(fleet, canaries, previous, "canary", started));
                fleet.saveState(state.phase("rolled back", failure));
                return new RolloutResult(hex, "rolled back", failure, new ArrayList<>(outcomes.values()));
            }
        }
        fleet.saveState(state.phase("rest", ""));
        outcomes.putAll(deliver(rest, blob, crc, "rest", started));
        String failure = firstFailure(outcomes.values());
        String phase = failure == null ? "done" : "partial";
        fleet.saveState(state.phase(phase, failure == null ? "" : failure));
        return new RolloutResult(hex, phase, failure == null ? "" : failure, new ArrayList<>(outcomes.values()));
    }

    /** Sends the blob and waits until each board runs it, refuses it, or the stage times out. */
    private Map<String, RolloutResult.Outcome> deliver(List<String> ids, byte[] blob, long crc, String role, long started) {
        Map<String, Integer> failedBefore = new LinkedHashMap<>();
        for (String id : ids) {
            failedBefore.put(id, fleet.status(id).map(DeviceStatus::loadsFailed).orElse(0));
            fleet.sendModel(id, blob);
        }
        return awaitModel(fleet, ids, crc, blob, failedBefore, role, started, timeout);
    }

    /** Waits until each board runs {@code crc} (or, for crc −1, runs no model), re-sending to the slow ones now and then. */
    private static Map<String, RolloutResult.Outcome> awaitModel(Fleet fleet, List<String> ids, long crc, byte[] blob,
                                                                 Map<String, Integer> failedBefore, String role,
                                                                 long started, Duration timeout) {
        Map<String, RolloutResult.Outcome> done = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextResend = System.nanoTime() + REPUBLISH_MILLIS * 1_000_000;
        while (done.size() < ids.size()) {
            for (String id : ids) {
                if (done.containsKey(id)) {
                    continue;
                }
                DeviceStatus s = fleet.status(id).orElse(null);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (s != null && s.online() && (crc < 0 ? s.model().isEmpty() : s.runs(crc))) {
                    done.put(id, new RolloutResult.Outcome(id, role, s.modelHex(), "running", seconds));
                } else if (s != null && crc >= 0 && s.loadsFailed() > failedBefore.getOrDefault(id, 0) && !s.lastError().isEmpty()) {
                    done.put(id, new RolloutResult.Outcome(id, role, s.modelHex(), "refused: " + s.lastError(), seconds));
                }
            }
            if (done.size() == ids.size()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                for (String id : ids) {
                    done.computeIfAbsent(id, k -> new RolloutResult.Outcome(k, role,
                            fleet.status(k).map(DeviceStatus::modelHex).orElse("unknown"),
                            fleet.status(k).map(DeviceStatus::online).orElse(false)
                                    ? "not running it after " + timeout.toSeconds() + " s"
                                    : "offline for " + timeout.toSeconds() + " s", (System.nanoTime() - started) / 1e9));
                }
                break;
            }
            if (System.nanoTime() > nextResend) {
                // a broker restart or a board that came back: the retained model may be gone, send it again
                for (String id : ids) {
                    if (!done.containsKey(id)) {
                        fleet.sendModel(id, blob);
                    }
                }
                nextResend = System.nanoTime() + REPUBLISH_MILLIS * 1_000_000;
            }
            Fleet.sleep(20);
        }
        return done;
    }

    private static String firstFailure(Collection<RolloutResult.Outcome> outcomes) {
        return outcomes.stream().filter(o -> !o.state().equals("running")).findFirst()
                .map(o -> o.role() + " " + o.id() + " " + o.state()).orElse(null);
    }

    /** Null when every canary answers every check input with the notebook's bytes (and accuracy suffices). */
    private String checkCanaries(List<String> canaries) {
        List<byte[]> inputs = new ArrayList<>();
        int[] labels = null;
        if (checkData != null) {
            labels = new int[checkData.size()];
            for (int i = 0; i < checkData.size(); i++) {
                inputs.add(model.quantizeInput(checkData.input(i)));
                labels[i] = checkData.isClassification() ? checkData.label(i) : -1;
            }
        } else {
            Random random = new Random(42);
            int bytes = model.inputSpec().shape().size();
            for (int i = 0; i < randomChecks; i++) {
                byte[] input = new byte[bytes];
                random.nextBytes(input);
                inputs.add(input);
            }
        }
        if (!Double.isNaN(minAccuracy) && (labels == null || !checkData.isClassification())) {
            throw new IllegalArgumentException("minAccuracy needs labelled check data: add check(data.test().take(50))");
        }
        for (String id : canaries) {
            int correct = 0;
            for (int i = 0; i < inputs.size(); i++) {
                byte[] expected = model.predictRaw(inputs.get(i));
                Fleet.InferenceAnswer answer = fleet.infer(id, inputs.get(i), answerTimeout);
                if (answer.status() != 0) {
                    return "canary " + id + " failed check input " + i + " with board status " + answer.status();
                }
                if (!Arrays.equals(answer.output(), expected)) {
                    return "canary " + id + " answered check input " + i + " with " + Arrays.toString(answer.output())
                            + " where the notebook's int8 model gives " + Arrays.toString(expected);
                }
                if (labels != null && argmax(expected) == labels[i]) {
                    correct++;
                }
            }
            if (!Double.isNaN(minAccuracy) && correct < minAccuracy * inputs.size()) {
                return String.format("canary %s reached accuracy %.2f on %d check inputs, below the minimum %.2f",
                        id, correct / (double) inputs.size(), inputs.size(), minAccuracy);
            }
        }
        return null;
    }

    private static int argmax(byte[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Puts each board's previous model back (from the broker's store); a board that ran none unloads. */
    private static Map<String, RolloutResult.Outcome> restore(Fleet fleet, List<String> ids, Map<String, String> previous,
                                                             String role, long started) {
        Map<String, RolloutResult.Outcome> outcomes = new LinkedHashMap<>();
        for (String id : ids) {
            String before = previous.get(id);
            long crc = before == null ? -1 : Long.parseLong(before, 16);
            byte[] blob = before == null ? new byte[0] : fleet.storedModel(crc, Duration.ofSeconds(5)).orElse(null);
            if (blob == null) {
                outcomes.put(id, new RolloutResult.Outcome(id, role, fleet.status(id).map(DeviceStatus::modelHex).orElse("unknown"),
                        "cannot roll back: model " + before + " was not deployed through this fleet", 0));
                continue;
            }
            fleet.sendModel(id, blob);
            Map<String, RolloutResult.Outcome> back = awaitModel(fleet, List.of(id), crc, blob, Map.of(), role, started,
                    Duration.ofSeconds(30));
            RolloutResult.Outcome o = back.get(id);
            outcomes.put(id, new RolloutResult.Outcome(id, role, o.model(),
                    o.state().equals("running") ? "rolled back" : "roll back failed: " + o.state(), o.seconds()));
        }
        return outcomes;
    }

    static RolloutResult rollBack(Fleet fleet, RolloutState state) {
        long started = System.nanoTime();
        List<RolloutResult.Outcome> outcomes = new ArrayList<>(restore(fleet, state.devices(), state.previous(), "all", started).values());
        boolean ok = outcomes.stream().allMatch(o -> o.state().equals("rolled back"));
        String message = ok ? "every board runs the model it ran before " + state.model() : "some boards could not be rolled back";
        fleet.saveState(state.phase("rolled back", message));
        return new RolloutResult(state.model(), ok ? "rolled back" : "partial", message, outcomes);
    }
}
