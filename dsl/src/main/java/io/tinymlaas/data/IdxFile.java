package io.tinymlaas.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader of IDX files (the MNIST format), gzip-compressed or raw: a big-endian header
 * {@code 0x00 0x00 type rank}, one int32 per dimension, then the values. Only unsigned bytes
 * (type 0x08) are read, which is what every image and label file of that family holds.
 */
final class IdxFile {
    private static final int UNSIGNED_BYTE = 0x08;

    final int[] dims;
    final byte[] values;

    private IdxFile(int[] dims, byte[] values) {
        this.dims = dims;
        this.values = values;
    }

    /** Reads {@code file}, which must hold unsigned bytes of {@code rank} dimensions. */
    static IdxFile read(Path file, int rank) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            long contentBytes = gzip ? gzipContentBytes(file) : Files.size(file);
            try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return read(file, in, rank, contentBytes);
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is truncated: it ends inside the IDX header", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The uncompressed size a gzip file states in its last 4 bytes (little-endian, modulo 2^32). */
    private static long gzipContentBytes(Path file) throws IOException {
        try (SeekableByteChannel c = Files.newByteChannel(file)) {
            if (c.size() < 4) {
                return 0;
            }
            ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            c.position(c.size() - 4);
            while (trailer.hasRemaining() && c.read(trailer) > 0) {
                // read the 4 bytes
            }
            return trailer.getInt(0) & 0xFFFFFFFFL;
        }
    }

    private static IdxFile read(Path file, DataInputStream in, int rank, long contentBytes) throws IOException {
        int magic = in.readInt();
        int expected = (UNSIGNED_BYTE << 8) | rank;
        if (magic != expected) {
            throw new IllegalArgumentException(file + " is not an IDX file of " + rank + "-dimensional unsigned bytes: magic "
                    + String.format("0x%08x", magic) + ", expected " + String.format("0x%08x", expected)
                    + (rank == 3 ? " (an images file)" : " (a labels file)"));
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] <= 0) {
                throw new IllegalArgumentException(file + " has a bad dimension " + dims[i] + " in its IDX header");
            }
            total *= dims[i];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(file + " declares " + total + " values, more than one array holds");
        }
        long present = contentBytes - 4L * (rank + 1);
        if (total > present) {   // checked before allocating: a lying header must not cost gigabytes
            throw new IllegalArgumentException(file + " is truncated or its header is wrong: it declares " + describe(dims)
                    + " = " + total + " bytes of data, but the file holds " + Math.max(0, present) + " after its header");
        }
        byte[] values = new byte[(int) total];
        int read = in.readNBytes(values, 0, values.length);
        if (read < values.length) {
            throw new IllegalArgumentException(file + " is truncated: its header declares " + describe(dims) + " = "
                    + total + " bytes of data, but only " + read + " follow");
        }
        return new IdxFile(dims, values);
    }

    private static String describe(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return s.toString();
    }
}
