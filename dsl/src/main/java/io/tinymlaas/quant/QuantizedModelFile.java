package io.tinymlaas.quant;

import io.tinymlaas.AtomicFiles;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The file a {@link QuantizedModel} saves to. Big-endian ({@link DataOutputStream}):
 * <pre>
 * "TMQ8" · int version (2)
 * int tensors, each: UTF name · int rank · rank × int dim · float scale · int zeroPoint · int sourceLayer
 * int ops, each: int OpKind code · UTF name · int input · int output · 6 × int window
 *                · int n, n bytes weights · int n, n × int bias · int n, n × int multipliers
 *                · int n, n × int shifts · int activationMin · int activationMax · int diffMin
 *                · (version 2:) bool SAME padding · int fused activation (0 none, 1 relu, 2 relu6)
 *                · int n, n × float weight scales
 * int input tensor · int output tensor
 * long CRC-32 of every byte before it
 * </pre>
 * The checksum makes a truncated or damaged file an error instead of a different model.
 */
final class QuantizedModelFile {
    private static final byte[] MAGIC = "TMQ8".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 2;
    /** Version 1 lacks the padding kind, fused activation and weight scales of each op. */
    private static final int OLDEST_VERSION = 1;
    private static final int CHECKSUM_BYTES = Long.BYTES;

    private QuantizedModelFile() {
    }

    static void write(QuantizedModel model, Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            Graph g = model.graph();
            out.writeInt(g.tensors().size());
            for (int i = 0; i < g.tensors().size(); i++) {
                TensorSpec t = g.tensors().get(i);
                out.writeUTF(t.name());
                writeInts(out, t.shape().dims());
                out.writeFloat(t.scale());
                out.writeInt(t.zeroPoint());
                out.writeInt(model.sourceLayer(i));
            }
            out.writeInt(g.ops().size());
            for (Op op : g.ops()) {
                out.writeInt(op.kind().code());
                out.writeUTF(op.name());
                out.writeInt(op.input());
                out.writeInt(op.output());
                Window w = op.window();
                for (int v : new int[] {w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), w.padTop(), w.padLeft()}) {
                    out.writeInt(v);
                }
                out.writeInt(op.weights().length);
                out.write(op.weights());
                writeInts(out, op.bias());
                writeInts(out, op.multipliers());
                writeInts(out, op.shifts());
                out.writeInt(op.activationMin());
                out.writeInt(op.activationMax());
                out.writeInt(op.diffMin());
                out.writeBoolean(w.same());
                out.writeInt(op.activation().ordinal());
                float[] scales = op.int8().weightScales();
                out.writeInt(scales.length);
                for (float f : scales) {
                    out.writeFloat(f);
                }
            }
            out.writeInt(g.input());
            out.writeInt(g.output());
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quantized model to " + file + ": " + e.getMessage(), e);
        }
    }

    static QuantizedModel read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (all.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException(file + " is not a quantized model file (it does not start with \"TMQ8\"):"
                    + " write one with QuantizedModel.save");
        }
        if (all.length < MAGIC.length + Integer.BYTES + CHECKSUM_BYTES) {
            throw new IllegalArgumentException(file + " is truncated (" + all.length + " bytes): save the model again");
        }
        int version = ByteBuffer.wrap(all, MAGIC.length, Integer.BYTES).getInt();
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new IllegalArgumentException(file + " is a version " + version + " quantized model; this library reads version "
                    + VERSION + ": quantize the model again with this version");
        }
        int body = all.length - CHECKSUM_BYTES;
        CRC32 crc = new CRC32();
        crc.update(all, 0, body);
        if (crc.getValue() != ByteBuffer.wrap(all, body, CHECKSUM_BYTES).getLong()) {
            throw new IllegalArgumentException(file + " is truncated or damaged (checksum mismatch): save the model again");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length + Integer.BYTES,
                    body - MAGIC.length - Integer.BYTES));
            QuantizedModel model = readBody(in, version);
            if (in.available() != 0) {
                throw new IOException(in.available() + " unexpected bytes after the graph");
            }
            return model;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " holds no valid quantized model: " + e.getMessage(), e);
        }
    }

    private static QuantizedModel readBody(DataInputStream in, int version) throws IOException {
        int tensorCount = in.readInt();
        List<TensorSpec> tensors = new ArrayList<>();
        int[] sourceLayers = new int[tensorCount];
        for (int i = 0; i < tensorCount; i++) {
            String name = in.readUTF();
            Shape shape = Shape.of(readInts(in));
            tensors.add(new TensorSpec(name, shape, in.readFloat(), in.readInt()));
            sourceLayers[i] = in.readInt();
        }
        int opCount = in.readInt();
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < opCount; i++) {
            OpKind kind = OpKind.ofCode(in.readInt());
            String name = in.readUTF();
            int input = in.readInt();
            int output = in.readInt();
            int[] w = {in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt()};
            byte[] weights = new byte[in.readInt()];
            in.readFully(weights);
            int[] bias = readInts(in);
            int[] multipliers = readInts(in);
            int[] shifts = readInts(in);
            int activationMin = in.readInt();
            int activationMax = in.readInt();
            int diffMin = in.readInt();
            Window window = new Window(w[0], w[1], w[2], w[3], w[4], w[5]);
            FusedActivation activation = FusedActivation.NONE;
            float[] scales = new float[0];
            if (version >= 2) {
                window = new Window(w[0], w[1], w[2], w[3], w[4], w[5], in.readBoolean());
                activation = FusedActivation.values()[in.readInt()];
                scales = new float[in.readInt()];
                for (int k = 0; k < scales.length; k++) {
                    scales[k] = in.readFloat();
                }
            }
            ops.add(new Op(kind, name, input, output, window, activation, new Int8Params(weights, scales, bias,
                    multipliers, shifts, activationMin, activationMax, diffMin)));
        }
        return new QuantizedModel(new Graph(tensors, ops, in.readInt(), in.readInt()), sourceLayers);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }
}
