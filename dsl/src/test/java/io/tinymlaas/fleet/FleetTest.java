package io.tinymlaas.fleet;

import io.tinymlaas.codegen.BlobWriter;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet through Debian's Mosquitto with per-device accounts and ACLs: five network boards, a
 * canary rollout, a bad model rolled back, a corrupt blob refused, a board that may not publish to
 * another, boards killed and a broker restarted mid-rollout.
 */
class FleetTest {
    private static final String OPERATOR = "operator";
    private static final String SECRET = "operator-secret";
    private static final List<String> IDS = List.of("board-00", "board-01", "board-02", "board-03", "board-04");

    @TempDir
    static Path dir;
    private static Mosquitto broker;
    private static NetworkBoards boards;
    private static Fleet fleet;

    @BeforeAll
    static void start() {
        Mosquitto.Config config = Mosquitto.in(dir.resolve("broker")).operator(OPERATOR, SECRET);
        IDS.forEach(id -> config.device(id, password(id)));
        broker = config.start();
        boards = NetworkBoards.on(broker.url()).count(IDS.size()).simulate(20).telemetryEvery(200)
                .passwords(FleetTest::password).start();
        fleet = Fleet.connect(broker.url(OPERATOR, SECRET));
        fleet.awaitOnline(IDS.size(), Duration.ofSeconds(20));
        RolloutResult first = fleet.rollout(FleetModels.GOOD).canary(0.2).check(FleetModels.checks()).minAccuracy(0.5).start();
        assertEquals("done", first.phase(), first::toString);
        assertEquals("done", fleet.lastRollout().orElseThrow().phase(), "the state is on the broker");
    }

    @AfterAll
    static void stop() {
        fleet.close();
        boards.close();
        broker.close();
    }

    private static String password(String id) {
        return "pw-" + id;
    }

    private static long crc(io.tinymlaas.quant.QuantizedModel q) {
        byte[] blob = BlobWriter.write(q.graph());
        return ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(blob.length - 4) & 0xFFFFFFFFL;
    }

    @Test
    void aCanaryRolloutReachesEveryBoardAndTheTableSaysSo() {
        long good = crc(FleetModels.GOOD);
        for (String id : IDS) {
            assertTrue(fleet.status(id).orElseThrow().runs(good), id + " runs " + fleet.status(id));
        }
        var table = fleet.devices();
        assertEquals(IDS, table.stringColumn("id").asList());
        assertTrue(table.stringColumn("model").asList().stream().allMatch(m -> m.equals(String.format("%08x", good))));
        // the boards' own inferences arrive as telemetry
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (fleet.telemetry().inferences() == 0 && System.nanoTime() < deadline) {
            Fleet.sleep(100);
        }
        assertTrue(fleet.telemetry().inferences() > 0, fleet.telemetry()::toString);
        assertEquals(IDS.size(), fleet.telemetry().table().rowCount());
    }

    @Test
    void aModelThatFailsTheCanaryCheckIsRolledBackAndNeverReachesTheRest() {
        long good = crc(FleetModels.GOOD);
        RolloutResult r = fleet.rollout(FleetModels.BAD).canary(0.2).check(FleetModels.checks()).minAccuracy(0.5).start();
        assertEquals("rolled back", r.phase(), r::toString);
        assertTrue(r.message().contains("below the minimum 0.50"), r.message());
        for (String id : IDS) {
            assertTrue(fleet.status(id).orElseThrow().runs(good), id + " runs the previous model again: " + fleet.status(id));
        }
        assertEquals(1, r.outcomes().size(), "only the canary was touched: " + r);
        assertEquals("rolled back", r.outcomes().get(0).state());
        assertEquals("rolled back", fleet.lastRollout().orElseThrow().phase());
    }

    @Test
    void aCorruptBlobIsRefusedAndTheOldModelKeepsAnswering() throws Exception {
        long good = crc(FleetModels.GOOD);
        String id = "board-03";
        byte[] corrupt = BlobWriter.write(FleetModels.BAD.graph());
        corrupt[corrupt.length / 2] ^= 0x40;
        int failedBefore = fleet.status(id).orElseThrow().loadsFailed();
        publishAs(OPERATOR, SECRET, "tinyml/devices/" + id + "/model", corrupt);
        awaitTrue(() -> fleet.status(id).orElseThrow().loadsFailed() > failedBefore);
        DeviceStatus s = fleet.status(id).orElseThrow();
        assertTrue(s.runs(good), "the old model still runs: " + s);
        assertTrue(s.lastError().contains("previous model keeps running"), s.lastError());
        byte[] input = FleetModels.GOOD.quantizeInput(FleetModels.DATA.test().input(0));
        assertArrayEquals(FleetModels.GOOD.predictRaw(input), fleet.infer(id, input, Duration.ofSeconds(5)).output());
    }

    @Test
    void aDevicesCredentialsCannotPublishAModelToAnotherDevice() throws Exception {
        String victim = "board-02";
        DeviceStatus before = fleet.status(victim).orElseThrow();
        publishAs("board-01", password("board-01"), "tinyml/devices/" + victim + "/model",
                BlobWriter.write(FleetModels.BAD.graph()));
        Fleet.sleep(1500);
        DeviceStatus after = fleet.status(victim).orElseThrow();
        assertEquals(before.model(), after.model());
        assertEquals(before.loadsOk(), after.loadsOk(), "the broker dropped the publish: the board never saw it");
        assertEquals(before.loadsFailed(), after.loadsFailed());
        FleetException wrong = assertThrows(FleetException.class, () -> Fleet.connect(broker.url(OPERATOR, "wrong")));
        assertTrue(wrong.getMessage().contains("user name and password"), wrong.getMessage());
    }

    @Test
    void boardsKilledAndABrokerRestartedMidRolloutStillConverge() throws Exception {
        // a third model: the bad one is fine here, there is no accuracy gate
        long target = crc(FleetModels.BAD);
        CompletableFuture<RolloutResult> rollout = CompletableFuture.supplyAsync(() ->
                fleet.rollout(FleetModels.BAD).canary(0).devices(IDS).timeout(Duration.ofSeconds(60)).start());
        boards.kill("board-04");
        broker.restart();
        boards.restart("board-04");
        RolloutResult r = rollout.get();
        assertEquals("done", r.phase(), r::toString);
        for (String id : IDS) {
            assertTrue(fleet.status(id).orElseThrow().runs(target), id + ": " + fleet.status(id));
        }
        RolloutResult back = fleet.rollout(FleetModels.GOOD).canary(0).devices(IDS).start();
        assertEquals("done", back.phase(), back::toString);
    }

    private static void publishAs(String user, String password, String topic, byte[] payload) throws MqttException {
        MqttClient c = new MqttClient(Fleet.BrokerAddress.parse(broker.url()).serverUri(), "test-" + user + System.nanoTime(),
                new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(user);
        o.setPassword(password.toCharArray());
        c.connect(o);
        try {
            c.publish(topic, payload, 1, false);
        } finally {
            c.disconnect();
            c.close();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, "condition not met within 10 s");
            Fleet.sleep(20);
        }
    }
}
