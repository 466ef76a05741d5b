package io.tinymlaas.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxFileTest {
    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipPairsWithPixelsScaled() throws IOException {
        byte[] images = images(3, 2, 2, new byte[]{0, (byte) 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8});
        byte[] labels = labels(new byte[]{2, 0, 1});
        Path raw = write("images", images, false);
        Path gz = write("labels.gz", labels, true);
        Dataset d = Datasets.idx(raw, gz);
        assertEquals(3, d.size());
        assertEquals(Shape.of(2, 2, 1), d.shape());
        assertEquals(3, d.classes());
        assertEquals(2, d.label(0));
        assertEquals(1f, d.input(0).get(1));
        assertEquals(0.2f, d.input(0).get(2), 1e-6);
    }

    @Test
    void refusesWrongMagic() throws IOException {
        Path labels = write("labels", labels(new byte[]{1}), false);
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.idx(labels, labels));
        assertTrue(e.getMessage().contains("magic 0x00000801, expected 0x00000803"), e.getMessage());
    }

    @Test
    void refusesTruncatedFiles() throws IOException {
        byte[] images = images(2, 2, 2, new byte[8]);
        Path cut = write("cut", java.util.Arrays.copyOf(images, images.length - 3), true);
        Path labels = write("labels", labels(new byte[]{0, 1}), false);
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.idx(cut, labels));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("8 bytes of data, but the file holds 5"), e.getMessage());
        Path header = write("header", new byte[]{0, 0, 8, 3, 0}, false);
        var h = assertThrows(IllegalArgumentException.class, () -> Datasets.idx(header, labels));
        assertTrue(h.getMessage().contains("truncated"), h.getMessage());
    }

    /** A header declaring 1.6 GB in a file of a few bytes is refused before anything that large is allocated. */
    @Test
    void refusesALyingHeaderBeforeAllocating() throws IOException {
        Path labels = write("labels", labels(new byte[]{0}), false);
        for (boolean gzip : new boolean[] {false, true}) {
            Path lying = write("lying" + gzip, images(40_000, 40_000, 1, new byte[16]), gzip);
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            var e = assertThrows(IllegalArgumentException.class, () -> Datasets.idx(lying, labels));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(e.getMessage().contains("declares 40000x40000x1 = 1600000000 bytes of data, but the file holds 16"),
                    e.getMessage());
            assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes");
        }
    }

    @Test
    void refusesPairsOfDifferentCounts() throws IOException {
        Path images = write("i", images(2, 1, 1, new byte[2]), false);
        Path labels = write("l", labels(new byte[]{0, 1, 1}), false);
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.idx(images, labels));
        assertTrue(e.getMessage().contains("2 images") && e.getMessage().contains("3 labels"), e.getMessage());
    }

    private Path write(String name, byte[] data, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(data);
        }
        return p;
    }

    static byte[] images(int n, int h, int w, byte[] pixels) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(n);
        out.writeInt(h);
        out.writeInt(w);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labels(byte[] labels) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(labels.length);
        out.write(labels);
        return bytes.toByteArray();
    }
}
