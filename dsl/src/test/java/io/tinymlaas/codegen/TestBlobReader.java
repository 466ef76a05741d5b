package io.tinymlaas.codegen;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads a blob back into a graph (names aside), to prove the writer put every field where the format says. */
public final class TestBlobReader {
    private TestBlobReader() {
    }

    static Graph read(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int tensorCount = b.getShort(16);
        int opCount = b.getShort(18);
        List<TensorSpec> tensors = new ArrayList<>();
        for (int t = 0; t < tensorCount; t++) {
            int at = 24 + 32 * t;
            int[] dims = new int[blob[at]];
            for (int k = 0; k < dims.length; k++) {
                dims[k] = b.getInt(at + 4 + 4 * k);
            }
            tensors.add(new TensorSpec("", Shape.of(dims), Float.intBitsToFloat(b.getInt(at + 20)), b.getInt(at + 24)));
        }
        List<Op> ops = new ArrayList<>();
        for (int j = 0; j < opCount; j++) {
            int at = 24 + 32 * tensorCount + 64 * j;
            Window w = new Window(b.getShort(at + 8), b.getShort(at + 10), b.getShort(at + 12), b.getShort(at + 14),
                    b.getShort(at + 16), b.getShort(at + 18));
            byte[] weights = Arrays.copyOfRange(blob, b.getInt(at + 32), b.getInt(at + 32) + b.getInt(at + 36));
            ops.add(new Op(OpKind.ofCode(blob[at] & 0xFF), "", b.getShort(at + 2), b.getShort(at + 4), w, weights,
                    ints(b, at + 40), ints(b, at + 48), ints(b, at + 56), b.getInt(at + 20), b.getInt(at + 24), b.getInt(at + 28)));
        }
        return new Graph(tensors, ops, b.getShort(20), b.getShort(22));
    }

    private static int[] ints(ByteBuffer b, int entry) {
        int[] values = new int[b.getInt(entry + 4)];
        for (int i = 0; i < values.length; i++) {
            values[i] = b.getInt(b.getInt(entry) + 4 * i);
        }
        return values;
    }

    public static void assertSameGraph(Graph expected, Graph actual) {
        assertEquals(expected.input(), actual.input());
        assertEquals(expected.output(), actual.output());
        assertEquals(expected.tensors().size(), actual.tensors().size());
        for (int t = 0; t < expected.tensors().size(); t++) {
            TensorSpec e = expected.tensors().get(t);
            TensorSpec a = actual.tensors().get(t);
            assertEquals(e.shape(), a.shape());
            assertEquals(Float.floatToRawIntBits(e.scale()), Float.floatToRawIntBits(a.scale()));
            assertEquals(e.zeroPoint(), a.zeroPoint());
        }
        assertEquals(expected.ops().size(), actual.ops().size());
        for (int j = 0; j < expected.ops().size(); j++) {
            Op e = expected.ops().get(j);
            Op a = actual.ops().get(j);
            String op = "op " + j + " " + e.kind();
            assertEquals(e.kind(), a.kind(), op);
            assertEquals(e.input(), a.input(), op);
            assertEquals(e.output(), a.output(), op);
            assertEquals(e.window(), a.window(), op);
            assertArrayEquals(e.weights(), a.weights(), op);
            assertArrayEquals(e.bias(), a.bias(), op);
            assertArrayEquals(e.multipliers(), a.multipliers(), op);
            assertArrayEquals(e.shifts(), a.shifts(), op);
            assertEquals(e.activationMin(), a.activationMin(), op);
            assertEquals(e.activationMax(), a.activationMax(), op);
            assertEquals(e.diffMin(), a.diffMin(), op);
        }
    }
}
