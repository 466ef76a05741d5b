package io.tinymlaas.device;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host board killed in the middle of an upload: the Java side says so instead of hanging. */
class HostBoardVanishesTest {

    /** A dense layer big enough for several LOAD_CHUNKs. */
    private static Graph bigDense() {
        int in = 2000;
        int out = 16;
        int[] m = new int[out];
        int[] s = new int[out];
        Arrays.fill(m, 1 << 30);
        Arrays.fill(s, -10);
        byte[] weights = new byte[in * out];
        Arrays.fill(weights, (byte) 1);
        return new Graph(List.of(new TensorSpec("x", Shape.of(in), 0.1f, 0), new TensorSpec("y", Shape.of(out), 0.1f, 0)),
                List.of(new Op(OpKind.FULLY_CONNECTED, "dense", 0, 1, Window.NONE, weights, new int[0], m, s, -128, 127, 0)),
                0, 1);
    }

    @Test
    void killingItMidLoadGivesAClearError() {
        TappedHostBoard board = new TappedHostBoard();
        int[] chunks = {0};
        board.onRequest(code -> {
            if (code == Commands.LOAD_CHUNK && ++chunks[0] == 2) {
                kill(board.host());
            }
        });
        try (Device device = Device.open(board)) {
            DeviceException e = assertThrows(DeviceException.class, () -> device.deploy(bigDense()));
            assertTrue(e.getMessage().contains("the host board process stopped (exit code"), e.getMessage());
            DeviceException after = assertThrows(DeviceException.class, device::info);
            assertTrue(after.getMessage().contains("host board process stopped"), after.getMessage());
        }
    }

    private static void kill(HostBoard host) {
        ProcessHandle p = ProcessHandle.of(host.pid()).orElseThrow();
        p.destroyForcibly();
        try {
            p.onExit().get(5, TimeUnit.SECONDS);
            Thread.sleep(100);   // let Process notice the exit too
        } catch (Exception e) {
            throw new AssertionError("the host board did not die", e);
        }
    }
}
