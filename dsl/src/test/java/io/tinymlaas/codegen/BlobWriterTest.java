package io.tinymlaas.codegen;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlobWriterTest {

    /** input (4,4,2) → conv 3x3 SAME (3) → reshape (48) → dense (5). */
    static Graph smallGraph() {
        List<TensorSpec> tensors = List.of(
                new TensorSpec("input", Shape.of(4, 4, 2), 0.02f, -5),
                new TensorSpec("conv", Shape.of(4, 4, 3), 0.05f, -128),
                new TensorSpec("flat", Shape.of(48), 0.05f, -128),
                new TensorSpec("dense", Shape.of(5), 0.1f, 7));
        byte[] convWeights = new byte[3 * 3 * 3 * 2];
        for (int i = 0; i < convWeights.length; i++) {
            convWeights[i] = (byte) (i - 20);
        }
        byte[] denseWeights = new byte[5 * 48];
        Arrays.fill(denseWeights, (byte) 3);
        List<Op> ops = List.of(
                new Op(OpKind.CONV_2D, "conv", 0, 1, new Window(3, 3, 1, 1, 1, 1), convWeights,
                        new int[] {1, -2, 3}, new int[] {1 << 30, 1 << 30, 2_000_000_000}, new int[] {-7, -8, -9}, -128, 127, 0),
                new Op(OpKind.RESHAPE, "flat", 1, 2, Window.NONE, new byte[0], new int[0], new int[0], new int[0], -128, 127, 0),
                new Op(OpKind.FULLY_CONNECTED, "dense", 2, 3, Window.NONE, denseWeights, new int[0],
                        new int[] {1 << 30, 1 << 30, 1 << 30, 1 << 30, 1 << 30}, new int[] {-5, -5, -5, -5, 1}, 7, 127, 0));
        return new Graph(tensors, ops, 0, 3);
    }

    @Test
    void laysOutHeaderTablesDataAndCrcAsTheFormatSays() {
        Graph g = smallGraph();
        byte[] blob = BlobWriter.write(g);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("TMLB", new String(blob, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, b.getShort(4));
        assertEquals(0, b.getShort(6));
        assertEquals(blob.length, b.getInt(8));
        int dataStart = 24 + 32 * 4 + 64 * 3;
        // conv weights 54 bytes, pad to 56, bias 12, multipliers 12, shifts 12; dense weights 240, multipliers 20, shifts 20
        assertEquals(dataStart + 56 + 36 + 240 + 40 + 4, blob.length);
        assertEquals(4, b.getShort(16));
        assertEquals(3, b.getShort(18));
        assertEquals(0, b.getShort(20));
        assertEquals(3, b.getShort(22));
        CRC32 crc = new CRC32();
        crc.update(blob, 0, blob.length - 4);
        assertEquals((int) crc.getValue(), b.getInt(blob.length - 4));

        int convEntry = 24 + 32 * 4;
        assertEquals(3, blob[convEntry]);
        assertEquals(dataStart, b.getInt(convEntry + 32));
        assertEquals(54, b.getInt(convEntry + 36));
        assertEquals(dataStart + 56, b.getInt(convEntry + 40));
        assertEquals(-9, b.getInt(b.getInt(convEntry + 56) + 8));
        int reshapeEntry = convEntry + 64;
        for (int off = 32; off < 64; off += 4) {
            assertEquals(0, b.getInt(reshapeEntry + off), "reshape has no arrays: offset and count 0");
        }
        int denseEntry = reshapeEntry + 64;
        assertEquals(0, b.getInt(denseEntry + 40), "no bias: offset 0");
        assertEquals(0, b.getInt(denseEntry + 44));
        assertEquals(7, b.getInt(denseEntry + 20));
    }

    @Test
    void readsBackAsTheSameGraph() {
        Random random = new Random(11);
        List<Graph> graphs = new ArrayList<>(List.of(smallGraph()));
        for (int i = 0; i < 200; i++) {
            graphs.add(RandomGraphs.chain(random));
        }
        for (Graph g : graphs) {
            byte[] blob = BlobWriter.write(g);
            assertEquals(0, blob.length % 4, "the data section and CRC keep 4-byte alignment");
            TestBlobReader.assertSameGraph(g, TestBlobReader.read(blob));
        }
    }

    @Test
    void writesAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/model.tmb");
        BlobWriter.write(smallGraph(), file);
        assertArrayEquals(BlobWriter.write(smallGraph()), Files.readAllBytes(file));
    }

    @Test
    void refusesATensorOfRankFive() {
        Graph g = new Graph(List.of(new TensorSpec("x", Shape.of(1, 2, 1, 2, 1), 0.1f, 0),
                new TensorSpec("y", Shape.of(4), 0.1f, 0)),
                List.of(new Op(OpKind.RESHAPE, "r", 0, 1, Window.NONE, new byte[0], new int[0], new int[0], new int[0], -128, 127, 0)),
                0, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> BlobWriter.write(g));
        assertTrue(e.getMessage().contains("(1, 2, 1, 2, 1)"), e.getMessage());
    }
}
