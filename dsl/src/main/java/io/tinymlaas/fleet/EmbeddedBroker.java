package io.tinymlaas.fleet;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An MQTT broker inside this JVM (Moquette): the zero set-up default for a fleet on one computer.
 * Retained messages (the boards' models, the rollout state) are kept in {@code dataDir}, so they
 * survive a restart of the kernel that runs the broker. It listens on 127.0.0.1 only and lets
 * anyone in: for more, or for boards elsewhere, use a real broker (Mosquitto, EMQX, HiveMQ) and
 * {@link Fleet#connect(String)} it; see docs/fleet.md.
 *
 * <p>Needs {@code io.moquette:moquette-broker} on the class path (the notebook kernel has it).
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** The largest model blob the broker passes on (a board's blob buffer is smaller). */
    static final int MAX_MESSAGE_BYTES = 4 << 20;

    /** Moquette logs every start, stop and session at INFO; kept here so the level holds (loggers are weakly held). */
    private static final java.util.logging.Logger MOQUETTE_LOG = java.util.logging.Logger.getLogger("io.moquette");
    /** ... and a board that disconnects while a message is on its way as SEVERE, with a trace: that is the board's business. */
    private static final java.util.logging.Logger CLIENT_CHANNEL_LOG =
            java.util.logging.Logger.getLogger("io.moquette.broker.NewNettyMQTTHandler");
    /** ... and two messages of one session in flight at once as a WARNING ("routing collision"): its own scheduling. */
    private static final java.util.logging.Logger SESSION_ROUTING_LOG =
            java.util.logging.Logger.getLogger("io.moquette.broker.SessionEventLoopGroup");

    private final io.moquette.broker.Server server;
    private final int port;

    private EmbeddedBroker(io.moquette.broker.Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker on a free port, keeping its data under ~/.tinyml/fleet/broker. */
    public static EmbeddedBroker start() {
        return start(0, defaultDataDir());
    }

    /** ~/.tinyml/fleet/broker, "~" as the shell means it ($HOME; Java's user.home ignores it). */
    private static Path defaultDataDir() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".tinyml", "fleet", "broker");
    }

    /** Starts a broker on {@code port} (0: a free one), keeping retained messages in {@code dataDir}. */
    public static EmbeddedBroker start(int port, Path dataDir) {
        try {
            Class.forName("io.moquette.broker.Server");
        } catch (ClassNotFoundException | LinkageError e) {
            throw new FleetException("the embedded broker needs io.moquette:moquette-broker (0.17) on the class path;"
                    + " add it, or connect to any MQTT broker: Fleet.connect(\"mqtt://host:1883\")");
        }
        MOQUETTE_LOG.setLevel(java.util.logging.Level.WARNING);
        CLIENT_CHANNEL_LOG.setLevel(java.util.logging.Level.OFF);
        SESSION_ROUTING_LOG.setLevel(java.util.logging.Level.SEVERE);
        int chosen = port == 0 ? freePort() : port;
        try {
            Files.createDirectories(dataDir);
            Properties p = new Properties();
            p.setProperty("host", "127.0.0.1");
            p.setProperty("port", Integer.toString(chosen));
            p.setProperty("websocket_port", "disabled");
            p.setProperty("allow_anonymous", "true");
            p.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES)); // models are larger than its 8 KB default
            p.setProperty("persistence_enabled", "true");
            p.setProperty("data_path", dataDir.toAbsolutePath().toString());
            io.moquette.broker.Server server = new io.moquette.broker.Server();
            server.startServer(p);
            return new EmbeddedBroker(server, chosen);
        } catch (IOException e) {
            throw new FleetException("cannot start the embedded broker on port " + chosen + ": " + e.getMessage()
                    + " (is the port taken? start(0, dir) picks a free one)", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new FleetException("no free port for the embedded broker: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The URL boards and {@link Fleet#connect(String)} use. */
    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    @Override
    public String toString() {
        return "embedded MQTT broker at " + url();
    }

    @Override
    public void close() {
        server.stopServer();
    }

    /** {@code ./tinyml fleet}: runs the broker in the foreground until stopped. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 1883;
        try (EmbeddedBroker broker = start(port, defaultDataDir())) {
            System.out.println("TinyML fleet broker at " + broker.url() + " (Ctrl-C stops it)");
            Thread.currentThread().join();
        }
    }
}
