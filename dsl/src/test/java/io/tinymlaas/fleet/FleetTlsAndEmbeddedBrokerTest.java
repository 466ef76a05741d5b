package io.tinymlaas.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS with a CA the test makes (openssl), and the zero set-up embedded broker whose state survives a restart. */
class FleetTlsAndEmbeddedBrokerTest {

    @Test
    void boardsAndTheNotebookReachABrokerOverTlsSignedByAPrivateCa(@TempDir Path dir) throws Exception {
        Path ca = dir.resolve("ca.pem");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=TinyML test CA");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        try (Mosquitto broker = Mosquitto.in(dir.resolve("broker")).operator("operator", "s3cret").device("tls-00", "d")
                .tls(dir.resolve("server.pem"), dir.resolve("server.key")).start();
             NetworkBoards boards = NetworkBoards.on(broker.url()).count(1).prefix("tls-").passwords(id -> "d").caFile(ca).start();
             Fleet fleet = Fleet.connect(broker.url("operator", "s3cret"), ca)) {
            assertTrue(broker.url().startsWith("mqtts://"));
            fleet.awaitOnline(1, Duration.ofSeconds(20));
            RolloutResult r = fleet.rollout(FleetModels.GOOD).canary(1).start();
            assertEquals("done", r.phase(), r::toString);
            // without the CA, the broker's certificate is not trusted
            FleetException untrusted = assertThrows(FleetException.class, () -> Fleet.connect(broker.url("operator", "s3cret")));
            assertTrue(untrusted.getMessage().contains("cannot connect"), untrusted.getMessage());
        }
    }

    @Test
    void theEmbeddedBrokerServesAFleetAndKeepsTheRolloutStateAcrossARestart(@TempDir Path dir) {
        String url;
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir);
             NetworkBoards boards = NetworkBoards.on(broker.url()).count(3).start();
             Fleet fleet = Fleet.connect(broker.url())) {
            url = broker.url();
            port = broker.port();
            List<String> online = fleet.awaitOnline(3, Duration.ofSeconds(20));
            assertEquals(3, online.size());
            RolloutResult r = fleet.deploy(FleetModels.GOOD);
            assertEquals("done", r.phase(), r::toString);
            assertEquals(3, r.running());
        }
        // a new kernel: the broker restarts on its data, the notebook reconnects and finds the rollout
        try (EmbeddedBroker again = EmbeddedBroker.start(port, dir); Fleet fleet = Fleet.connect(url)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (fleet.lastRollout().isEmpty() && System.nanoTime() < deadline) {
                Fleet.sleep(50);
            }
            RolloutState state = fleet.lastRollout().orElseThrow();
            assertEquals("done", state.phase());
            assertEquals(3, state.devices().size());
        }
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "openssl " + String.join(" ", args) + ": " + out);
    }
}
