package io.tinymlaas.fleet;

import io.tinymlaas.ExitHook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker (Debian's {@code mosquitto}) on this computer, with the fleet's security set
 * up the way docs/fleet.md describes: an operator account that may publish models, one account per
 * device that may read only its own model and infer topics and write only its own status,
 * telemetry and result topics, and TLS when given a certificate. Used by the tests and
 * {@code ./tinyml bench fleet}; the config it writes is the one to copy for a real deployment.
 */
public final class Mosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final boolean tls;
    private Process process;
    private final ExitHook stopAtExit = ExitHook.add("mosquitto-stop", this::stop);

    private Mosquitto(Path dir, int port, boolean tls) {
        this.dir = dir;
        this.port = port;
        this.tls = tls;
    }

    /** A broker whose config, passwords, ACL and persistence live in {@code dir}. */
    public static Config in(Path dir) {
        return new Config(dir);
    }

    /** What the broker allows; {@link #start()} writes the files and starts it. */
    public static final class Config {
        private final Path dir;
        private String root = Topics.DEFAULT_ROOT;
        private String operator;
        private String operatorPassword;
        private final Map<String, String> devices = new LinkedHashMap<>();
        private Path certificate;
        private Path key;

        private Config(Path dir) {
            this.dir = dir;
        }

        public Config root(String topicRoot) {
            this.root = new Topics(topicRoot).root();
            return this;
        }

        /** The account that may publish models (the notebook's). Without accounts, anyone may do anything. */
        public Config operator(String user, String password) {
            this.operator = user;
            this.operatorPassword = password;
            return this;
        }

        /** One device account: user name = device id. */
        public Config device(String id, String password) {
            new Topics(root).device(id, "status");
            devices.put(id, password);
            return this;
        }

        /** TLS with this certificate and private key (PEM); clients trust the CA that signed it. */
        public Config tls(Path certificatePem, Path keyPem) {
            this.certificate = certificatePem;
            this.key = keyPem;
            return this;
        }

        public Mosquitto start() {
            try {
                Files.createDirectories(dir);
                int port = freePort();
                List<String> conf = new ArrayList<>(List.of(
                        "# written by io.tinymlaas.fleet.Mosquitto: the fleet's broker (docs/fleet.md)",
                        "per_listener_settings false",
                        // mosquitto started by root would switch to user "mosquitto", who cannot read our files
                        "user " + System.getProperty("user.name"),
                        "persistence true",
                        "persistence_location " + dir.toAbsolutePath() + "/",
                        "log_dest stdout",
                        "max_inflight_messages 1000",
                        "set_tcp_nodelay true", // acknowledgements at once, not after the 40 ms delayed-ACK timer
                        "max_queued_messages 10000",
                        "listener " + port + " 127.0.0.1"));
                if (certificate != null) {
                    conf.addAll(List.of("certfile " + certificate.toAbsolutePath(), "keyfile " + key.toAbsolutePath()));
                }
                if (operator == null) {
                    conf.add("allow_anonymous true");
                } else {
                    writeAccounts(conf);
                }
                Files.write(dir.resolve("mosquitto.conf"), conf);
                Mosquitto broker = new Mosquitto(dir, port, certificate != null);
                broker.launch();
                return broker;
            } catch (IOException e) {
                throw new FleetException("cannot write the broker's files in " + dir + ": " + e.getMessage(), e);
            }
        }

        private void writeAccounts(List<String> conf) throws IOException {
            Path passwords = dir.resolve("passwords");
            Files.deleteIfExists(passwords);
            Files.createFile(passwords);
            hash(passwords, operator, operatorPassword);
            for (Map.Entry<String, String> d : devices.entrySet()) {
                hash(passwords, d.getKey(), d.getValue());
            }
            // %u is the client's user name: a device's account names its own topics only.
            Files.write(dir.resolve("acl"), List.of(
                    "user " + operator,
                    "topic readwrite " + root + "/#",
                    "",
                    "pattern read " + root + "/devices/%u/model",
                    "pattern read " + root + "/devices/%u/infer",
                    "pattern write " + root + "/devices/%u/status",
                    "pattern write " + root + "/devices/%u/telemetry",
                    "pattern write " + root + "/devices/%u/result"));
            conf.addAll(List.of("allow_anonymous false", "password_file " + passwords.toAbsolutePath(),
                    "acl_file " + dir.resolve("acl").toAbsolutePath()));
        }

        private static void hash(Path passwords, String user, String password) {
            run(List.of("mosquitto_passwd", "-b", passwords.toString(), user, password));
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new FleetException("cannot start mosquitto: " + e.getMessage()
                    + " (Debian: apt-get install --no-install-recommends mosquitto)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new FleetException("mosquitto exited at start (code " + process.exitValue() + "); see " + dir.resolve("mosquitto.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                // Something answers; it is this broker only if it did not exit meanwhile (a taken port).
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    throw new FleetException("mosquitto exited at start (code " + process.exitValue() + "; port " + port
                            + " taken by another program?); see " + dir.resolve("mosquitto.log"));
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FleetException("interrupted while mosquitto started", e);
            } catch (IOException e) {
                Fleet.sleep(50);
            }
        }
        throw new FleetException("mosquitto did not listen on port " + port + " within 10 s; see " + dir.resolve("mosquitto.log"));
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999). The broker keeps its port across a
     * restart; in the gap an ephemeral port could be taken by any program's outgoing connection or
     * port-0 listener, and the restarted broker would find it gone.
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new FleetException(String.join(" ", command.subList(0, 3)) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new FleetException("cannot run " + command.get(0) + ": " + e.getMessage()
                    + " (Debian: apt-get install --no-install-recommends mosquitto)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while running " + command.get(0), e);
        }
    }

    /** The broker's URL, with the given credentials when not null. */
    public String url(String user, String password) {
        String auth = user == null ? "" : user + ":" + password + "@";
        return (tls ? "mqtts://" : "mqtt://") + auth + "127.0.0.1:" + port;
    }

    public String url() {
        return url(null, null);
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker and starts it again on the same port with the same files (its persistence file keeps retained messages). */
    public void restart() {
        stop();
        launch();
    }

    private void stop() {
        process.destroy();
        ExitHook.awaitOrKill(process, 5);
    }

    @Override
    public void close() {
        stopAtExit.remove();
        stop();
    }
}
