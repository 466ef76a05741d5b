package io.tinymlaas.codegen;

import io.tinymlaas.AtomicFiles;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Writes an {@link Graph} as a model blob ({@code .tmb}, version 1), byte for byte as
 * {@code docs/model-format.md} lays it out: header, tensor table, op table, data section, CRC32.
 */
public final class BlobWriter {
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 24;
    static final int TENSOR_BYTES = 32;
    static final int OP_BYTES = 64;
    static final int MAX_RANK = 4;

    private BlobWriter() {
    }

    public static void write(Graph graph, Path path) {
        try {
            AtomicFiles.write(path, write(graph));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model blob to " + path + ": " + e.getMessage(), e);
        }
    }

    public static byte[] write(Graph graph) {
        return write(graph, ArenaOffsets.of(graph));
    }

    static byte[] write(Graph graph, ArenaOffsets plan) {
        int tensorCount = graph.tensors().size();
        int opCount = graph.ops().size();
        int dataStart = HEADER_BYTES + TENSOR_BYTES * tensorCount + OP_BYTES * opCount;
        int total = dataStart + dataBytes(graph) + 4;

        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'T', 'M', 'L', 'B'});
        b.putShort((short) VERSION).putShort((short) 0);
        b.putInt(total).putInt(plan.arenaBytes());
        b.putShort(u16(tensorCount, "tensor count")).putShort(u16(opCount, "op count"));
        b.putShort((short) graph.input()).putShort((short) graph.output());

        for (int t = 0; t < tensorCount; t++) {
            putTensor(b, graph.tensors().get(t), plan.offset(t));
        }
        int data = dataStart;
        for (Op op : graph.ops()) {
            data = putOp(b, op, data);
        }
        for (Op op : graph.ops()) {
            b.put(op.weights());
            b.position(align4(b.position()));
            putInts(b, op.bias());
            putInts(b, op.multipliers());
            putInts(b, op.shifts());
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, total - 4);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static void putTensor(ByteBuffer b, TensorSpec t, int arenaOffset) {
        Shape shape = t.shape();
        if (shape.rank() > MAX_RANK) {
            throw new IllegalArgumentException("tensor " + t.name() + " has shape " + shape
                    + ": the runtime takes at most " + MAX_RANK + " dimensions");
        }
        b.put((byte) shape.rank()).put(new byte[3]);
        for (int k = 0; k < MAX_RANK; k++) {
            b.putInt(k < shape.rank() ? shape.dim(k) : 1);
        }
        b.putInt(Float.floatToRawIntBits(t.scale()));
        b.putInt(t.zeroPoint());
        b.putInt(arenaOffset);
    }

    /** Writes the op's table entry; its arrays go at {@code data} in the recommended order. Returns the next free offset. */
    private static int putOp(ByteBuffer b, Op op, int data) {
        Window w = op.window();
        b.put((byte) op.kind().code()).put((byte) 0);
        b.putShort((short) op.input()).putShort((short) op.output()).putShort((short) 0);
        b.putShort(u16(w.kernelH(), "kernel height")).putShort(u16(w.kernelW(), "kernel width"));
        b.putShort(u16(w.strideH(), "stride")).putShort(u16(w.strideW(), "stride"));
        b.putShort(u16(w.padTop(), "padding")).putShort(u16(w.padLeft(), "padding"));
        b.putInt(op.activationMin()).putInt(op.activationMax()).putInt(op.diffMin());
        data = putArray(b, data, op.weights().length, 1);
        data = align4(data);
        data = putArray(b, data, op.bias().length, 4);
        data = putArray(b, data, op.multipliers().length, 4);
        return putArray(b, data, op.shifts().length, 4);
    }

    private static int putArray(ByteBuffer b, int offset, int count, int elementBytes) {
        b.putInt(count == 0 ? 0 : offset).putInt(count);
        return offset + count * elementBytes;
    }

    private static int dataBytes(Graph graph) {
        int bytes = 0;
        for (Op op : graph.ops()) {
            bytes = align4(bytes + op.weights().length);
            bytes += 4 * (op.bias().length + op.multipliers().length + op.shifts().length);
        }
        return bytes;
    }

    private static void putInts(ByteBuffer b, int[] values) {
        for (int v : values) {
            b.putInt(v);
        }
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

    private static short u16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + value + " does not fit the blob's 16-bit field (0..65535)");
        }
        return (short) value;
    }
}
