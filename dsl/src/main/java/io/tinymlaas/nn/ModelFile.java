package io.tinymlaas.nn;

import io.tinymlaas.AtomicFiles;
import io.tinymlaas.data.Shape;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The model file written by {@link Model#save} (extension {@code .tmm} by convention). All
 * numbers big-endian; floats IEEE-754 binary32.
 * <pre>
 * offset  size  field
 * 0       4     magic "TMLM"
 * 4       2     format version, 2
 * 6       1     input rank r
 * 7       4·r   input dimensions (int32 each), e.g. 28 28 1
 * ...     4     layer count L
 * then L layers, each:
 *         1     length n of the layer's call
 *         n     the call, ASCII: the Model method that builds the layer, e.g. "dense", "conv2d",
 *               "maxPool" (each layer writes its own, {@link LayerSpec})
 *         1     settings count s
 *         4·s   settings (int32): dense: units; conv2d: filters, kernelH, kernelW, strideH,
 *               strideW, padding (0 SAME, 1 VALID); depthwiseConv2d and pools: kernelH, kernelW,
 *               strideH, strideW, padding; dropout: the rate's float bits; others: none
 *         4     weight count w (0 for layers without weights)
 *         4·w   weights in TFLite layout (dense [out][in], conv2d OHWI, depthwise 1HWC)
 *         4     bias count b
 *         4·b   bias
 * last    4     CRC-32 of every byte before it
 * </pre>
 * Version 1 (until November 2026) stored a one-byte code instead of the call: 1 dense, 2 conv2d,
 * 3 depthwiseConv2d, 4 maxPool, 5 avgPool, 6 flatten, 7 relu, 8 relu6, 9 softmax, 10 dropout,
 * 11 globalAvgPool; it is still read. A layer added since needs no code here: it names itself.
 * A reader refuses another magic, a newer version, and a file whose checksum does not match
 * (truncated or damaged).
 */
public final class ModelFile {
    static final int VERSION = 2;
    /** The calls of version 1's layer codes 1..11, frozen: version 2 files name their calls. */
    private static final String[] VERSION_1_CALLS = {"dense", "conv2d", "depthwiseConv2d", "maxPool", "avgPool",
            "flatten", "relu", "relu6", "softmax", "dropout", "globalAvgPool"};
    private static final byte[] MAGIC = {'T', 'M', 'L', 'M'};

    private ModelFile() {
    }

    static void write(Model model, Path file) {
        Network net = model.network();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            Shape in = model.inputShape();
            out.writeByte(in.rank());
            for (int d : in.dims()) {
                out.writeInt(d);
            }
            out.writeInt(net.layers.size());
            for (Layer l : net.layers) {
                LayerSpec spec = l.spec();
                byte[] call = spec.call().getBytes(StandardCharsets.US_ASCII);
                out.writeByte(call.length);
                out.write(call);
                out.writeByte(spec.settings().length);
                for (int v : spec.settings()) {
                    out.writeInt(v);
                }
                float[] w = l instanceof Weighted weighted ? weighted.weights() : new float[0];
                float[] b = l instanceof Weighted weighted ? weighted.bias() : new float[0];
                writeFloats(out, w);
                writeFloats(out, b);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file + ": " + e.getMessage(), e);
        }
    }

    static Model read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no model file at " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        if (data.length < MAGIC.length || data[0] != MAGIC[0] || data[1] != MAGIC[1] || data[2] != MAGIC[2]
                || data[3] != MAGIC[3]) {
            throw new IllegalArgumentException(file + " is not a TinyMLaaS model file: it does not start with \"TMLM\"");
        }
        if (data.length < 10) {
            throw new IllegalArgumentException(file + " is truncated: " + data.length + " bytes");
        }
        int version = ((data[4] & 0xff) << 8) | (data[5] & 0xff);
        if (version == 0) {
            throw new IllegalArgumentException(file + " has model format version 0, which no TinyMLaaS wrote: a damaged file");
        }
        if (version > VERSION) {
            throw new IllegalArgumentException(file + " has model format version " + version
                    + ", this library reads up to version " + VERSION + ": update TinyMLaaS");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 4);
        int stored = ((data[data.length - 4] & 0xff) << 24) | ((data[data.length - 3] & 0xff) << 16)
                | ((data[data.length - 2] & 0xff) << 8) | (data[data.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) {
            throw new IllegalArgumentException(file + " is truncated or damaged: its checksum does not match ("
                    + data.length + " bytes)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 6, data.length - 10))) {
            int rank = in.readUnsignedByte();
            int[] dims = new int[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
            }
            Model model = Model.sequential(Shape.of(dims));
            int count = in.readInt();
            float[][] weights = new float[count][];
            float[][] biases = new float[count][];
            for (int i = 0; i < count; i++) {
                String call = version == 1 ? version1Call(in.readUnsignedByte(), file, i) : readCall(in);
                int[] settings = new int[in.readUnsignedByte()];
                for (int k = 0; k < settings.length; k++) {
                    settings[k] = in.readInt();
                }
                try {
                    model.add(new LayerSpec(call, settings));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(file + ": layer " + i + " (" + call + " with settings "
                            + Arrays.toString(settings) + "): " + e.getMessage(), e);
                }
                weights[i] = readFloats(in);
                biases[i] = readFloats(in);
            }
            Network net = model.network();
            for (int i = 0; i < count; i++) {
                if (net.layers.get(i) instanceof Weighted w) {
                    w.setWeights(weights[i], biases[i]);
                }
            }
            return model;
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " ends too early for the layers it declares", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version1Call(int code, Path file, int layer) {
        if (code < 1 || code > VERSION_1_CALLS.length) {
            throw new IllegalArgumentException(file + ": layer " + layer + " has an unknown kind " + code);
        }
        return VERSION_1_CALLS[code - 1];
    }

    private static String readCall(DataInputStream in) throws IOException {
        byte[] call = new byte[in.readUnsignedByte()];
        in.readFully(call);
        return new String(call, StandardCharsets.US_ASCII);
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) {
            throw new EOFException();
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
