package io.tinymlaas.device;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaceTest {

    @Test
    void aTryTakesTheAllowancePlusTheLineAndTheWork() {
        Pace qemu = new Pace(2_000, 200, 1.0);
        assertEquals(2_000, qemu.millis(0, 0));
        assertEquals(2_000 + 3_277, qemu.millis(16_384, 0), "a 16 KiB chunk at 5 KB/s");
        assertEquals(2_000 + 60, qemu.millis(0, 60_000), "a 60 k-MAC model at 1 MAC/µs");
    }

    @Test
    void workCountsTheMacsOfWeightedOpsAndTheWindowOfPools() {
        TensorSpec image = new TensorSpec("x", Shape.of(8, 8, 2), 0.1f, 0);
        TensorSpec conv = new TensorSpec("c", Shape.of(8, 8, 4), 0.1f, 0);
        TensorSpec pooled = new TensorSpec("p", Shape.of(4, 4, 4), 0.1f, 0);
        Op convOp = new Op(OpKind.CONV_2D, "conv", 0, 1, new Window(3, 3, 1, 1, 1, 1), new byte[4 * 3 * 3 * 2],
                new int[4], new int[4], new int[4], -128, 127, 0);
        Op poolOp = new Op(OpKind.MAX_POOL_2D, "pool", 1, 2, new Window(2, 2, 2, 2, 0, 0), new byte[0],
                new int[0], new int[0], new int[0], -128, 127, 0);
        Graph graph = new Graph(List.of(image, conv, pooled), List.of(convOp, poolOp), 0, 2);
        assertEquals(8 * 8 * (4 * 3 * 3 * 2) + 4 * 4 * 4 * (2 * 2), Pace.work(graph));
    }
}
