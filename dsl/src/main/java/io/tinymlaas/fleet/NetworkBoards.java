package io.tinymlaas.fleet;

import io.tinymlaas.ExitHook;
import io.tinymlaas.codegen.FirmwareHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Boards in network mode on this computer: each a {@code tinyml-net} process (firmware/net) that
 * joins the broker as its own device, the way a Wi-Fi board in a building would. For notebooks,
 * tests and benchmarks of a fleet without hardware.
 *
 * <pre>{@code try (var boards = NetworkBoards.on("mqtt://localhost:1883").count(20).simulate(5).start()) { ... }}</pre>
 *
 * <p>Each board reads its stdin: when this JVM ends, however it ends, the pipe closes and the
 * board exits. Their output goes to one log file a board (see {@link #log(String)}).
 */
public final class NetworkBoards implements AutoCloseable {
    private final Settings settings;
    private final Path program;
    private final Path logs;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final ExitHook stopAtExit = ExitHook.add("network-boards-stop", this::stopAll);

    private NetworkBoards(Settings settings, Path program, Path logs) {
        this.settings = settings;
        this.program = program;
        this.logs = logs;
    }

    /** Boards that will join the broker at {@code url} (the same URL form as {@link Fleet#connect(String)}). */
    public static Settings on(String url) {
        return new Settings(url);
    }

    /** How the boards are started; {@link #start()} starts them. */
    public static final class Settings {
        private final String url;
        private int count = 1;
        private String prefix = "board-";
        private double simulateHz;
        private long telemetryMillis = 1000;
        private long blobCapacity = 256 << 10;
        private Function<String, String> passwords;
        private Path caFile;

        private Settings(String url) {
            Fleet.BrokerAddress.parse(url);
            this.url = url;
        }

        public Settings count(int boards) {
            if (boards < 1 || boards > 2000) {
                throw new IllegalArgumentException("count " + boards + ": start between 1 and 2000 boards");
            }
            this.count = boards;
            return this;
        }

        /** Board ids are the prefix and a number: board-00, board-01, … */
        public Settings prefix(String idPrefix) {
            if (idPrefix == null || !idPrefix.matches("[A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException("id prefix '" + idPrefix + "' may hold only letters, digits, _ . -");
            }
            this.prefix = idPrefix;
            return this;
        }

        /** Each board runs this many inferences a second on its own (random) input, as a sensor would feed it. */
        public Settings simulate(double inferencesPerSecond) {
            if (!(inferencesPerSecond >= 0 && inferencesPerSecond <= 1000)) {
                throw new IllegalArgumentException("simulate(" + inferencesPerSecond + "): between 0 and 1000 a second");
            }
            this.simulateHz = inferencesPerSecond;
            return this;
        }

        public Settings telemetryEvery(long millis) {
            if (millis < 10) {
                throw new IllegalArgumentException("telemetry every " + millis + " ms: at least 10 ms");
            }
            this.telemetryMillis = millis;
            return this;
        }

        /** The largest model blob a board accepts (bytes), as a small board's RAM would limit it. */
        public Settings blobCapacity(long bytes) {
            if (bytes < 64 || bytes > (64L << 20)) {
                throw new IllegalArgumentException("blob capacity " + bytes + " B: between 64 B and 64 MB");
            }
            this.blobCapacity = bytes;
            return this;
        }

        /** Per-device credentials: user name = board id, password from this function. */
        public Settings passwords(Function<String, String> passwordOfId) {
            this.passwords = passwordOfId;
            return this;
        }

        /** The CA certificate (PEM) the boards trust, for mqtts:// brokers. */
        public Settings caFile(Path pem) {
            this.caFile = pem;
            return this;
        }

        public NetworkBoards start() {
            Path program = FirmwareHome.locate().build("net", "net/tinyml-net");
            try {
                NetworkBoards boards = new NetworkBoards(this, program, Files.createTempDirectory("tinyml-net-"));
                for (int i = 0; i < count; i++) {
                    boards.launch(id(i));
                }
                return boards;
            } catch (IOException e) {
                throw new FleetException("cannot make a folder for the boards' logs: " + e.getMessage(), e);
            }
        }

        String id(int i) {
            return String.format(count > 100 ? "%s%03d" : "%s%02d", prefix, i);
        }
    }

    private synchronized void launch(String id) {
        Fleet.BrokerAddress address = Fleet.BrokerAddress.parse(settings.url);
        List<String> command = new ArrayList<>(List.of(program.toString(),
                "--broker", address.serverUri().replaceFirst("^[a-z]+://", ""), "--id", id, "--root", address.root(),
                "--blob-capacity", Long.toString(settings.blobCapacity),
                "--telemetry-ms", Long.toString(settings.telemetryMillis),
                "--simulate-hz", Double.toString(settings.simulateHz)));
        if (settings.passwords != null) {
            command.addAll(List.of("--user", id));
        }
        if (address.tls()) {
            if (settings.caFile == null) {
                throw new IllegalArgumentException("boards on " + settings.url + " need the broker's CA: caFile(Path.of(\"ca.pem\"))");
            }
            command.addAll(List.of("--cafile", settings.caFile.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(id).toFile()));
        if (settings.passwords != null) {
            pb.environment().put("TINYML_MQTT_PASSWORD", settings.passwords.apply(id)); // not on the command line: ps shows that
        }
        try {
            running.put(id, pb.start());
        } catch (IOException e) {
            throw new FleetException("cannot start board " + id + " (" + program + "): " + e.getMessage(), e);
        }
    }

    /** The board ids, in order. */
    public synchronized List<String> ids() {
        return List.copyOf(running.keySet());
    }

    /** What board {@code id} printed. */
    public Path log(String id) {
        return logs.resolve(id + ".log");
    }

    public synchronized boolean isAlive(String id) {
        Process p = running.get(id);
        return p != null && p.isAlive();
    }

    /** Kills a board at once (SIGKILL), as a power cut would: the broker sends its last will. */
    public synchronized void kill(String id) {
        Process p = running.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no board '" + id + "': boards are " + running.keySet());
        }
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts board {@code id} again (after {@link #kill}): it comes back with no model and gets its retained one. */
    public synchronized void restart(String id) {
        if (!running.containsKey(id)) {
            throw new IllegalArgumentException("no board '" + id + "': boards are " + running.keySet());
        }
        if (running.get(id).isAlive()) {
            kill(id);
        }
        launch(id);
    }

    /** Process ids, for measuring the boards' memory. */
    public synchronized List<Long> pids() {
        return running.values().stream().map(Process::pid).toList();
    }

    private synchronized void stopAll() {
        running.values().forEach(Process::destroy);
        running.values().forEach(p -> ExitHook.awaitOrKill(p, 2));
    }

    @Override
    public void close() {
        stopAtExit.remove();
        stopAll();
    }
}
