package io.tinymlaas.bench;

import io.tinymlaas.codegen.BlobWriter;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.fleet.DeviceStatus;
import io.tinymlaas.fleet.Fleet;
import io.tinymlaas.fleet.Mosquitto;
import io.tinymlaas.fleet.NetworkBoards;
import io.tinymlaas.fleet.NoDelaySockets;
import io.tinymlaas.fleet.RolloutResult;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.QuantizedModel;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tinyml bench fleet [BOARDS]}: BOARDS (default 200) network boards on this computer
 * through Debian's Mosquitto. A ~15 KB model rolled out with a 5 % canary: time to "running"
 * (p50/p95/max), the broker's CPU and memory; then a rollout during which 10 % of the boards are
 * killed and restarted and the broker restarts; then a corrupt blob. The reference, measured in the
 * same run: the same blob published once to every board's topic and received back by one
 * subscriber (the broker's own fan-out time, no board involved).
 */
public final class FleetBench {
    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("tinyml-fleet-bench-");
        QuantizedModel first = model(1);
        QuantizedModel second = model(2);
        int blobBytes = BlobWriter.write(first.graph()).length;
        System.out.printf("%d network boards, Debian mosquitto, model blob %,d B (MLP 784-16-10)%n", count, blobBytes);
        try (Mosquitto broker = Mosquitto.in(dir.resolve("broker")).start()) {
            long t0 = System.nanoTime();
            try (NetworkBoards boards = NetworkBoards.on(broker.url()).count(count).telemetryEvery(5000).start();
                 Fleet fleet = Fleet.connect(broker.url())) {
                fleet.awaitOnline(count, Duration.ofSeconds(120));
                System.out.printf("all %d boards online in %.2f s%n", count, seconds(t0));

                double reference = fanOutSeconds(broker.url(), count, BlobWriter.write(first.graph()));
                CpuMeter cpu = new CpuMeter(broker.pid());
                RolloutResult r = fleet.rollout(first).canary(0.05).timeout(Duration.ofSeconds(120)).start();
                System.out.printf("rollout: %s; to running p50 %.2f s, p95 %.2f s, max %.2f s; broker CPU %.2f s, RSS %,d KB (peak %,d KB)%n",
                        r.phase(), r.secondsToRunning(0.5), r.secondsToRunning(0.95), r.secondsToRunning(1.0),
                        cpu.seconds(), rssKb(broker.pid(), "VmRSS"), rssKb(broker.pid(), "VmHWM"));
                System.out.printf("reference: the blob fanned out to %d topics by the broker alone in %.2f s; rollout max / reference = %.1f%n",
                        count, reference, r.secondsToRunning(1.0) / reference);
                long boardsKb = boards.pids().stream().mapToLong(pid -> rssKb(pid, "VmRSS")).sum();
                System.out.printf("boards' memory: %,d KB in all, %,d KB each%n", boardsKb, boardsKb / count);

                faults(fleet, boards, broker, second, count);
                corrupt(fleet, broker, second);
            }
        }
    }

    /** A rollout that starts with 10 % of the boards killed (restarted later) and during which the broker restarts. */
    private static void faults(Fleet fleet, NetworkBoards boards, Mosquitto broker, QuantizedModel model, int count) throws Exception {
        List<String> ids = boards.ids();
        List<String> victims = ids.subList(0, Math.max(1, count / 10));
        // the victims are down when the rollout starts, the broker restarts while it waits for them,
        // and they come back later: they must get their (retained or re-sent) model and converge
        victims.forEach(boards::kill);
        long t0 = System.nanoTime();
        CompletableFuture<RolloutResult> rollout = CompletableFuture.supplyAsync(() ->
                fleet.rollout(model).canary(0).devices(ids).timeout(Duration.ofSeconds(180)).start());
        Thread.sleep(300);
        broker.restart();
        Thread.sleep(1000);
        victims.forEach(boards::restart);
        RolloutResult r = rollout.get(300, TimeUnit.SECONDS);
        long crc = Long.parseLong(r.model(), 16);
        long converged = fleet.statuses().stream().filter(s -> s.model().isPresent() && s.model().getAsLong() == crc).count();
        System.out.printf("faults: %d boards killed and restarted, broker restarted: rollout %s in %.2f s, %d of %d boards run the new model"
                        + " (p95 %.2f s, max %.2f s)%n", victims.size(), r.phase(), seconds(t0), converged, count,
                r.secondsToRunning(0.95), r.secondsToRunning(1.0));
    }

    /** A corrupt blob sent to one board: it keeps its model and says why. */
    private static void corrupt(Fleet fleet, Mosquitto broker, QuantizedModel running) throws Exception {
        DeviceStatus before = fleet.statuses().get(0);
        byte[] blob = BlobWriter.write(model(3).graph());
        blob[blob.length / 3] ^= 1;
        MqttClient c = new MqttClient(broker.url().replace("mqtt://", "tcp://"), "bench-corrupt", new MemoryPersistence());
        c.connect();
        c.publish("tinyml/devices/" + before.id() + "/model", blob, 1, false);
        c.disconnect();
        c.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        DeviceStatus after = before;
        while (after.loadsFailed() == before.loadsFailed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = fleet.statuses().get(0);
        }
        System.out.printf("corrupt blob to %s: still runs %s (was %s); it reports: %s%n", after.id(), after.modelHex(),
                before.modelHex(), after.lastError());
    }

    /** The broker alone: one client publishes the blob to {@code count} topics and receives every copy back. */
    private static double fanOutSeconds(String url, int count, byte[] blob) throws Exception {
        MqttClient c = new MqttClient(url.replace("mqtt://", "tcp://"), "bench-reference", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(1000);
        o.setSocketFactory(new NoDelaySockets(javax.net.SocketFactory.getDefault())); // as Fleet's own client
        c.connect(o);
        CountDownLatch arrived = new CountDownLatch(count);
        c.subscribe("bench/reference/#", 1, (t, m) -> arrived.countDown());
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            c.publish("bench/reference/" + i, blob, 1, false);
        }
        arrived.await(120, TimeUnit.SECONDS);
        double s = seconds(t0);
        c.disconnect();
        c.close();
        return s;
    }

    private static QuantizedModel model(long seed) {
        Dataset data = Datasets.fashionMnist();
        Model m = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(16).relu().dense(10).softmax();
        return m.quantize(data.train().shuffle(seed).take(200));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long rssKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return 0;
    }

    /** CPU seconds a process used since this meter was made (/proc/PID/stat utime + stime). */
    private static final class CpuMeter {
        private final long pid;
        private final long start;

        CpuMeter(long pid) {
            this.pid = pid;
            this.start = ticks();
        }

        double seconds() {
            return (ticks() - start) / 100.0;
        }

        private long ticks() {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException e) {
                return start;
            }
        }
    }
}
