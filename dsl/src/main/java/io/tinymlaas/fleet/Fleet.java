package io.tinymlaas.fleet;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.quant.QuantizedModel;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of boards behind an MQTT broker, seen from the operator's side: which boards there are
 * and what they run ({@link #devices()}), rolling a model out with a canary stage
 * ({@link #rollout(QuantizedModel)}), rolling back, and their telemetry.
 *
 * <p>{@code Fleet.connect("mqtt://localhost:1883")}; {@code mqtts://} for TLS (with
 * {@link #connect(String, Path)} when the broker's certificate is signed by a private CA);
 * credentials in the URL ({@code mqtt://operator:secret@host:1883}); a path names the topic root
 * ({@code mqtt://host:1883/building-7}, default {@code tinyml}). Topics: {@link Topics}.
 */
public final class Fleet implements AutoCloseable, Displayable {
    private static final int QOS = 1;
    private static final Duration PUBLISH_PATIENCE = Duration.ofSeconds(30);
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);

    private final MqttClient client;
    private final MqttConnectOptions options;
    private final Topics topics;
    private final String url;
    private final Map<String, DeviceStatus> devices = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<InferenceAnswer>> pending = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<byte[]>> storedModels = new ConcurrentHashMap<>();
    private final FleetTelemetry telemetry = new FleetTelemetry();
    private final AtomicInteger requestIds = new AtomicInteger(1);
    private volatile RolloutState lastRollout;

    private Fleet(String url, MqttClient client, MqttConnectOptions options, Topics topics) {
        this.url = url;
        this.client = client;
        this.options = options;
        this.topics = topics;
    }

    /** Connects to the broker at {@code url} (mqtt://, mqtts://, tcp://, ssl://). */
    public static Fleet connect(String url) {
        return connect(url, null);
    }

    /** Connects over TLS trusting the CA certificate (PEM) in {@code caFile}, as for a self-signed broker. */
    public static Fleet connect(String url, Path caFile) {
        BrokerAddress address = BrokerAddress.parse(url);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2000);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(20);
        options.setMaxInflight(1000);
        address.user().ifPresent(options::setUserName);
        address.password().ifPresent(p -> options.setPassword(p.toCharArray()));
        if (address.tls()) {
            options.setSocketFactory(NoDelaySockets.tls(caFile == null
                    ? (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault() : TrustedCa.socketFactory(caFile)));
        } else if (caFile != null) {
            throw new IllegalArgumentException("a CA file was given for " + url + ", which is not TLS: use mqtts://");
        } else {
            options.setSocketFactory(new NoDelaySockets(javax.net.SocketFactory.getDefault()));
        }
        try {
            MqttClient client = new MqttClient(address.serverUri(), "tinyml-operator-" + UUID.randomUUID(), new MemoryPersistence());
            Fleet fleet = new Fleet(url, client, options, new Topics(address.root()));
            client.setCallback(fleet.new Callback());
            // Paho's blocking calls wait forever by default; a broker that stops acknowledging must
            // end in publish()'s retries and its message, not in a hung notebook cell.
            client.setTimeToWait(ACK_WAIT.toMillis());
            client.connect(options);
            fleet.subscribe();
            return fleet;
        } catch (MqttException e) {
            throw new FleetException("cannot connect to the broker at " + address.serverUri() + ": " + describe(e)
                    + (e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                       || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED
                    ? " (check the user name and password in the URL: mqtt://user:password@host:port)"
                    : " (is a broker running there? EmbeddedBroker.start() starts one on this computer)"), e);
        }
    }

    private void subscribe() throws MqttException {
        client.subscribe(new String[]{topics.everyDevice("status"), topics.everyDevice("telemetry"),
                        topics.everyDevice("result"), topics.rollout()}, new int[]{QOS, 0, QOS, QOS},
                new IMqttMessageListener[]{this::onStatus, this::onTelemetry, this::onResult, this::onRollout});
    }

    private void resubscribe() {
        for (int attempt = 0; attempt < 10 && client.isConnected(); attempt++) {
            try {
                subscribe();
                return;
            } catch (MqttException e) {
                sleep(200);   // a timed-out SUBACK: try again; a dropped connection: the next connectComplete does
            }
        }
    }

    private void onStatus(String topic, MqttMessage message) {
        String id = topics.deviceOf(topic, "status");
        if (id == null || message.getPayload().length == 0) {
            return;
        }
        try {
            devices.compute(id, (k, previous) -> DeviceStatus.parse(id, message.getPayload(), previous, Instant.now()));
        } catch (RuntimeException e) {
            // a status that is not ours (another client under the same root): ignored
        }
    }

    private void onTelemetry(String topic, MqttMessage message) {
        String id = topics.deviceOf(topic, "telemetry");
        if (id != null) {
            telemetry.add(id, message.getPayload(), Instant.now());
        }
    }

    private void onResult(String topic, MqttMessage message) {
        String id = topics.deviceOf(topic, "result");
        byte[] p = message.getPayload();
        if (id == null || p.length < 9) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        int request = b.getInt(0);
        CompletableFuture<InferenceAnswer> waiting = pending.remove(id + "/" + request);
        if (waiting != null) {
            byte[] output = java.util.Arrays.copyOfRange(p, 9, p.length);
            waiting.complete(new InferenceAnswer(p[4] & 0xFF, b.getInt(5) & 0xFFFFFFFFL, output));
        }
    }

    private void onRollout(String topic, MqttMessage message) {
        if (message.getPayload().length > 0) {
            try {
                lastRollout = RolloutState.parse(message.getPayload());
            } catch (RuntimeException e) {
                // not a state this version wrote: ignored, the next rollout replaces it
            }
        }
    }

    // --- what the operator sees -----------------------------------------------------------------

    /** The boards that have announced themselves, by id. */
    public List<DeviceStatus> statuses() {
        List<DeviceStatus> all = new ArrayList<>(devices.values());
        all.sort(Comparator.comparing(DeviceStatus::id));
        return all;
    }

    /** The boards as a table: id, online, model, firmware, last error, last seen. */
    public Table devices() {
        List<DeviceStatus> all = statuses();
        Table t = Table.create("devices",
                StringColumn.create("id"), BooleanColumn.create("online"), StringColumn.create("model"),
                StringColumn.create("firmware"), IntColumn.create("free RAM"), StringColumn.create("last error"),
                StringColumn.create("last seen"));
        for (DeviceStatus d : all) {
            t.stringColumn("id").append(d.id());
            t.booleanColumn("online").append(d.online());
            t.stringColumn("model").append(d.modelHex());
            t.stringColumn("firmware").append(d.firmware());
            t.intColumn("free RAM").append((int) Math.min(Integer.MAX_VALUE, d.freeRam()));
            t.stringColumn("last error").append(d.lastError());
            t.stringColumn("last seen").append(ago(d.lastSeen()));
        }
        return t;
    }

    /** Waits until {@code count} boards are online; returns their ids. */
    public List<String> awaitOnline(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> online = statuses().stream().filter(DeviceStatus::online).map(DeviceStatus::id).toList();
            if (online.size() >= count) {
                return online;
            }
            if (System.nanoTime() > deadline) {
                throw new FleetException(online.size() + " of " + count + " boards online after " + timeout.toSeconds()
                        + " s: " + online + " (are the boards started and pointed at " + url + "?)");
            }
            sleep(50);
        }
    }

    /** Telemetry of every board: inferences, errors, latency percentiles, the most frequent class. */
    public FleetTelemetry telemetry() {
        return telemetry.snapshot(statuses());
    }

    /** The state of the last rollout (kept on the broker, so it survives a kernel restart). */
    public Optional<RolloutState> lastRollout() {
        return Optional.ofNullable(lastRollout);
    }

    // --- rollouts -------------------------------------------------------------------------------

    /** A staged rollout of {@code model}: configure it, then {@link Rollout#start()}. */
    public Rollout rollout(QuantizedModel model) {
        return new Rollout(this, model);
    }

    /** Rolls {@code model} out to every online board, with the default canary stage and check. */
    public RolloutResult deploy(QuantizedModel model) {
        return rollout(model).start();
    }

    /** Puts back, on every board of the last rollout, the model it ran before (none: the board unloads). */
    public RolloutResult rollback() {
        RolloutState state = lastRollout().orElseThrow(() -> new FleetException(
                "nothing to roll back: no rollout is recorded under " + topics.rollout()));
        return Rollout.rollBack(this, state);
    }

    // --- used by Rollout --------------------------------------------------------------------------

    Topics topics() {
        return topics;
    }

    Optional<DeviceStatus> status(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** Sends a blob to one board's retained model topic; an empty blob unloads its model. */
    void sendModel(String id, byte[] blob) {
        publish(topics.device(id, "model"), blob, true);
    }

    /** Keeps a blob on the broker (retained) so that a later rollback, even after a restart, can send it again. */
    void storeModel(long crc, byte[] blob) {
        publish(topics.model(crc), blob, true);
    }

    /** A blob stored by {@link #storeModel}, read back from the broker. */
    Optional<byte[]> storedModel(long crc, Duration timeout) {
        CompletableFuture<byte[]> arrived = storedModels.computeIfAbsent(crc, k -> new CompletableFuture<>());
        try {
            client.subscribe(topics.model(crc), QOS, (t, m) -> arrived.complete(m.getPayload()));
            return Optional.of(arrived.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (MqttException | ExecutionException e) {
            throw new FleetException("cannot read model " + String.format("%08x", crc) + " from the broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while reading a stored model", e);
        } finally {
            storedModels.remove(crc);
            try {
                client.unsubscribe(topics.model(crc));
            } catch (MqttException e) {
                // the next connection starts without that subscription anyway
            }
        }
    }

    void saveState(RolloutState state) {
        lastRollout = state;
        publish(topics.rollout(), state.toJson(), true);
    }

    /** One inference on one board over the broker: the board's int8 output bytes and its time. */
    InferenceAnswer infer(String id, byte[] input, Duration timeout) {
        int request = requestIds.getAndIncrement();
        CompletableFuture<InferenceAnswer> answer = new CompletableFuture<>();
        pending.put(id + "/" + request, answer);
        byte[] payload = ByteBuffer.allocate(4 + input.length).order(ByteOrder.LITTLE_ENDIAN).putInt(request).put(input).array();
        try {
            publish(topics.device(id, "infer"), payload, false);
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new FleetException("board " + id + " did not answer an inference within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new FleetException("inference on " + id + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while waiting for " + id, e);
        } finally {
            pending.remove(id + "/" + request);
        }
    }

    /** Publishes at QoS 1; while the broker is away (restarting) it retries until it is back. */
    private void publish(String topic, byte[] payload, boolean retained) {
        long deadline = System.nanoTime() + PUBLISH_PATIENCE.toNanos();
        while (true) {
            try {
                client.publish(topic, payload, QOS, retained);
                return;
            } catch (MqttException e) {
                if (System.nanoTime() > deadline) {
                    throw new FleetException("cannot publish to " + topic + " for " + PUBLISH_PATIENCE.toSeconds()
                            + " s: " + describe(e) + " (is the broker at " + url + " still running?)", e);
                }
                if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                    reconnectNow();
                }
                sleep(200);
            }
        }
    }

    /**
     * Connects now, beside Paho's automatic reconnect: its back-off cycle has been seen to stop for
     * good after a broker restart (a rollout then waited 30 s on a client that never came back).
     * A connect made here is not Paho's reconnect, so its subscriptions are made here too.
     */
    private void reconnectNow() {
        try {
            client.connect(options);
            subscribe();
        } catch (MqttException e) {
            // a connect under way, or the broker still down: the next publish attempt tries again
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted", e);
        }
    }

    private static String ago(Instant t) {
        long s = Duration.between(t, Instant.now()).toSeconds();
        return s < 1 ? "now" : s + " s ago";
    }

    private static String describe(MqttException e) {
        String m = e.getMessage();
        return e.getCause() != null && e.getCause().getMessage() != null ? m + ": " + e.getCause().getMessage() : m;
    }

    @Override
    public String toHtml() {
        List<DeviceStatus> all = statuses();
        long online = all.stream().filter(DeviceStatus::online).count();
        return Html.card("Fleet at " + url, online + " of " + all.size() + " boards online", Html.table(devices()));
    }

    @Override
    public String toString() {
        long online = statuses().stream().filter(DeviceStatus::online).count();
        return "fleet at " + url + ": " + online + " of " + devices.size() + " boards online";
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing: nothing is waiting for this client any more
        }
    }

    /** What a board answered to one inference request. */
    record InferenceAnswer(int status, long micros, byte[] output) {
    }

    /** Re-subscribes after an automatic reconnect (the broker restarted; clean sessions forget subscriptions). */
    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                // Not on Paho's callback thread: it also delivers the retained messages the new
                // subscriptions bring, so a blocking subscribe there can wait on itself.
                Thread resubscribe = new Thread(Fleet.this::resubscribe, "tinyml-fleet-resubscribe");
                resubscribe.setDaemon(true);
                resubscribe.start();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            // automatic reconnect is on; publish() waits for it
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // every subscription has its own listener
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
        }
    }

    /** A broker URL taken apart: server URI for Paho, TLS or not, credentials, topic root. */
    record BrokerAddress(String serverUri, boolean tls, Optional<String> user, Optional<String> password, String root) {
        static BrokerAddress parse(String url) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("no broker URL: use e.g. Fleet.connect(\"mqtt://localhost:1883\")");
            }
            URI u;
            try {
                u = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + url + "' is not a URL: use mqtt://host:1883 or mqtts://host:8883", e);
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            boolean tls = switch (scheme) {
                case "mqtt", "tcp" -> false;
                case "mqtts", "ssl" -> true;
                default -> throw new IllegalArgumentException("'" + url + "': scheme '" + scheme
                        + "' is not an MQTT one: use mqtt://host:1883 or mqtts://host:8883");
            };
            if (u.getHost() == null) {
                throw new IllegalArgumentException("'" + url + "' names no host: use e.g. mqtt://localhost:1883");
            }
            int port = u.getPort() > 0 ? u.getPort() : tls ? 8883 : 1883;
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            if (u.getRawUserInfo() != null) {
                String[] parts = u.getRawUserInfo().split(":", 2);
                user = Optional.of(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                if (parts.length == 2) {
                    password = Optional.of(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
            }
            String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
            return new BrokerAddress((tls ? "ssl://" : "tcp://") + u.getHost() + ":" + port, tls, user, password,
                    path.isEmpty() ? Topics.DEFAULT_ROOT : path);
        }
    }
}
