package io.tinymlaas.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {
    @TempDir
    Path dir;

    private static Dataset counting(int n) {
        float[] x = new float[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i % 3;
        }
        return Dataset.of(Shape.of(2), x, y);
    }

    @Test
    void viewsShareSamplesAndReorderThem() {
        Dataset d = counting(10);
        assertEquals(3, d.classes());
        assertEquals(4, d.take(4).size());
        assertEquals(3f, d.take(4).input(3).get(0));
        Dataset shuffled = d.shuffle(1);
        assertEquals(10, shuffled.size());
        Set<Float> seen = new HashSet<>();
        boolean moved = false;
        for (int i = 0; i < 10; i++) {
            float v = shuffled.input(i).get(0);
            seen.add(v);
            moved |= v != i;
            assertEquals((int) v % 3, shuffled.label(i), "label follows its input");
        }
        assertEquals(10, seen.size());
        assertTrue(moved);
        assertEquals(shuffled.input(5), d.shuffle(1).input(5), "same seed, same order");
        Dataset parts = d.split(0.3, 7);
        assertEquals(3, parts.test().size());
        assertEquals(7, parts.train().size());
        Set<Float> all = new HashSet<>();
        for (Dataset part : List.of(parts.train(), parts.test())) {
            for (int i = 0; i < part.size(); i++) {
                all.add(part.input(i).get(0));
            }
        }
        assertEquals(10, all.size(), "train and test together hold every sample once");
    }

    @Test
    void batchesCopyOnlyTheirSamples() {
        Dataset d = counting(6);
        float[] dst = new float[4];
        int[] labels = new int[2];
        d.copyInputs(new int[]{5, 2}, 0, 2, dst, 0);
        d.copyLabels(new int[]{5, 2}, 0, 2, labels, 0);
        assertArrayEquals(new float[]{5, -5, 2, -2}, dst);
        assertArrayEquals(new int[]{2, 2}, labels);
    }

    @Test
    void badInputIsRefusedWithTheValues() {
        var neg = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Shape.of(1), new float[2], new int[]{0, -1}));
        assertTrue(neg.getMessage().contains("label -1 of sample 1"), neg.getMessage());
        var count = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Shape.of(2), new float[6], new int[2]));
        assertTrue(count.getMessage().contains("3 inputs but 2 labels"), count.getMessage());
        var noTest = assertThrows(IllegalStateException.class, () -> counting(3).test());
        assertTrue(noTest.getMessage().contains("split(0.2, seed)"), noTest.getMessage());
        assertTrue(counting(3).take(0).isEmpty());
    }

    @Test
    void tablesAndCsvFilesBecomeDatasets() throws IOException {
        Table t = Table.create("iris", DoubleColumn.create("a", 1, 2, 3), DoubleColumn.create("b", 4, 5, 6),
                StringColumn.create("kind", "y", "x", "y"));
        Dataset d = Dataset.fromTable(t, "kind");
        assertEquals(List.of("x", "y"), d.classNames());
        assertEquals(Shape.of(2), d.shape());
        assertEquals(1, d.label(0));
        assertEquals(5f, d.input(1).get(1));
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "x,y,target\n1,2,0.5\n3,4,1.5\n");
        Dataset r = Dataset.fromCsv(csv, "target");
        assertFalse(r.isClassification());
        assertEquals(1.5f, r.target(1).get(0));
        var missing = assertThrows(IllegalArgumentException.class, () -> Dataset.fromTable(t, "label"));
        assertTrue(missing.getMessage().contains("[a, b, kind]"), missing.getMessage());
    }

    @Test
    void imagesBecomeTensorsAndBack() throws IOException {
        float[][] pixels = new float[28][28];
        pixels[3][4] = 1f;
        Tensor t = Images.tensor(pixels);
        assertEquals(Shape.of(28, 28, 1), t.shape());
        assertEquals(1f, t.get(3 * 28 + 4));
        BufferedImage image = t.toImage();
        assertEquals(0xffffff, image.getRGB(4, 3) & 0xffffff);
        Path png = dir.resolve("x.png");
        ImageIO.write(image, "png", png.toFile());
        Tensor back = Images.read(png, Shape.of(28, 28, 1));
        assertEquals(1f, back.get(3 * 28 + 4), 1e-3);
        assertEquals(0f, back.get(0), 1e-3);
        assertTrue(t.toPng().length > 100);
    }

    @Test
    void sineIsNoisyHelloWorld() {
        Dataset d = Datasets.sine(1000, 3);
        assertEquals(800, d.train().size());
        assertEquals(200, d.test().size());
        double err = 0;
        for (int i = 0; i < 800; i++) {
            float x = d.train().input(i).get(0);
            assertTrue(x >= 0 && x <= 2 * Math.PI);
            err += Math.abs(d.train().target(i).get(0) - Math.sin(x));
        }
        assertTrue(err / 800 > 0.04 && err / 800 < 0.15, "mean noise " + err / 800);
    }

    @Test
    void fashionMnistComesFromTheDebianPackage() {
        Dataset d = Datasets.fashionMnist();
        assertEquals(60000, d.train().size());
        assertEquals(10000, d.test().size());
        assertEquals("Ankle boot", d.classNames().get(9));
        assertEquals(9, d.train().label(0)); // the first training image is an ankle boot
        float max = 0;
        for (float v : d.train().input(0).data()) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6);
    }

    @Test
    void downloadsAreCheckedAndOfflineErrorsSayWhereToPutFiles() throws IOException {
        byte[] body = "idx bytes".getBytes();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/f.gz", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/f.gz";
            Path good = dir.resolve("ok").resolve("f.gz");
            Files.write(dir.resolve("reference"), body);
            String sha = DatasetFiles.sha256(dir.resolve("reference"));
            DatasetFiles.download(new DatasetFiles.Remote("f.gz", url, sha), good);
            assertArrayEquals(body, Files.readAllBytes(good));
            Path bad = dir.resolve("bad").resolve("f.gz");
            var e = assertThrows(IOException.class, () ->
                    DatasetFiles.download(new DatasetFiles.Remote("f.gz", url, "00" + sha.substring(2)), bad));
            assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
            assertFalse(Files.exists(bad));
            DatasetFiles offline = new DatasetFiles("demo", List.of(dir.resolve("nowhere")), dir.resolve("cache"));
            var missing = assertThrows(IllegalStateException.class, () -> offline.locate(List.of(
                    new DatasetFiles.Remote("g.gz", "http://127.0.0.1:" + server.getAddress().getPort() + "/missing", sha))));
            assertTrue(missing.getMessage().contains("g.gz") && missing.getMessage().contains(dir.resolve("cache").resolve("demo").toString())
                    && missing.getMessage().contains("HTTP 404"), missing.getMessage());
        } finally {
            server.stop(0);
        }
        assertNotEquals(DatasetFiles.cacheRoot(), null);
    }

    @Test
    void refusesNaNAndInfinityNamingTheSample() {
        float[][] x = {{0.1f, 0.2f}, {0.3f, Float.NaN}, {0.5f, 0.6f}};
        var e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Shape.of(2), x, new int[] {0, 1, 0}));
        assertTrue(e.getMessage().startsWith("dataset: sample 1 has NaN in its input (value 1 of (2,))"), e.getMessage());
        float[] targets = {1f, Float.POSITIVE_INFINITY};
        var t = assertThrows(IllegalArgumentException.class,
                () -> Dataset.regression(Shape.of(1), new float[] {0f, 1f}, Shape.of(1), targets));
        assertTrue(t.getMessage().contains("sample 1 has Infinity in its target"), t.getMessage());
    }

    @Test
    void requireFiniteSeesValuesChangedAfterTheDatasetWasMade() {
        float[] x = {0.1f, 0.2f, 0.3f};
        Dataset d = Dataset.of(Shape.of(1), x, new int[] {0, 1, 0});
        x[2] = Float.NEGATIVE_INFINITY;
        var e = assertThrows(IllegalArgumentException.class, () -> d.shuffle(1).take(3).requireFinite());
        assertTrue(e.getMessage().contains("has -Infinity in its input"), e.getMessage());
    }
}
