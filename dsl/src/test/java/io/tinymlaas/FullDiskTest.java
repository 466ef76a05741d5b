package io.tinymlaas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.QuantizedModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every writer of the library on a real full file system: a 1 MiB tmpfs mounted by the test (which
 * needs root; elsewhere it is skipped and AtomicFilesTest covers the write path on a simulated full disk).
 * A failed save or export must leave the previous files exactly as they were.
 */
class FullDiskTest {
    private static final Shape INPUT = Shape.of(12, 12, 1);
    private static Path mountPoint;
    private static QuantizedModel first;
    private static QuantizedModel second;
    private static Model firstFloat;
    private static Model secondFloat;

    @BeforeAll
    static void mountSmallFileSystem() throws Exception {
        mountPoint = Files.createTempDirectory("tinyml-full-disk");
        String out = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.toString());
        if (out != null) {
            Files.delete(mountPoint);
            mountPoint = null;
            Assumptions.abort("cannot mount a 1 MiB tmpfs here (the test needs root; AtomicFilesTest simulates a full disk): " + out);
        }
        Dataset data = randomImages(30);
        firstFloat = model(1);
        secondFloat = model(2);
        first = firstFloat.quantize(data);
        second = secondFloat.quantize(data);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mountPoint != null) {
            run("umount", mountPoint.toString());
            Files.delete(mountPoint);
        }
    }

    @AfterEach
    void emptyIt() throws IOException {
        try (Stream<Path> files = Files.walk(mountPoint)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(mountPoint)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Null when the command succeeded, else what it printed. */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? null : String.join(" ", command) + ": " + out.strip();
    }

    private static Model model(long seed) {
        return Model.sequential(INPUT).seed(seed).flatten().dense(32).relu().dense(4).softmax();
    }

    private static Dataset randomImages(int n) {
        Random random = new Random(5);
        float[][] x = new float[n][INPUT.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = random.nextFloat();
            }
            labels[i] = i % 4;
        }
        return Dataset.of(INPUT, x, labels);
    }

    /** Fills the file system, then frees {@code roomBytes} again. */
    private static void fillLeaving(long roomBytes) throws IOException {
        Path filler = mountPoint.resolve("filler");
        try (FileChannel c = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            try {
                while (true) {
                    block.clear();
                    c.write(block);
                }
            } catch (IOException full) {
                // the disk is full
            }
            c.truncate(Math.max(0, c.size() - roomBytes));
        }
    }

    /** Every file under {@code dir} but the filler, with its bytes. */
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals("filler")) {
                    files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static void assertUnchangedAfterFailure(Executable write) throws IOException {
        Map<String, byte[]> before = contents(mountPoint);
        assertThrows(UncheckedIOException.class, write);
        Map<String, byte[]> after = contents(mountPoint);
        assertEquals(before.keySet(), after.keySet(), "no file was added or removed, no temporary file is left");
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name + " is unchanged");
        }
    }

    /** Writes {@code file} with {@code first}, fills the disk, and checks that {@code second} fails and changes nothing. */
    private static Path assertAFullDiskKeepsTheFile(String name, Consumer<Path> first, Consumer<Path> second) throws IOException {
        Path file = mountPoint.resolve(name);
        first.accept(file);
        fillLeaving(0);
        assertUnchangedAfterFailure(() -> second.accept(file));
        return file;
    }

    @Test
    void quantizedModelSaveOnAFullDiskKeepsThePreviousModel() throws IOException {
        Path file = assertAFullDiskKeepsTheFile("model.tmq", first::save, second::save);
        assertArrayEquals(first.predictRaw(new byte[INPUT.size()]), QuantizedModel.load(file).predictRaw(new byte[INPUT.size()]));
    }

    @Test
    void modelSaveOnAFullDiskKeepsThePreviousModel() throws IOException {
        Model.load(assertAFullDiskKeepsTheFile("model.tmm", firstFloat::save, secondFloat::save));
    }

    @Test
    void blobExportOnAFullDiskKeepsThePreviousBlob() throws IOException {
        assertAFullDiskKeepsTheFile("model.tmb", first::exportBlob, second::exportBlob);
    }

    @Test
    void cExportThatFailsAtModelCKeepsEveryPreviousFile() throws IOException {
        Path dir = mountPoint.resolve("c");
        first.exportC(dir);
        second.exportC(mountPoint.resolve("probe"));
        Map<String, byte[]> secondFiles = contents(mountPoint.resolve("probe"));
        assertNotEquals(new String(secondFiles.get("model.c")), Files.readString(dir.resolve("model.c")));
        emptyProbe();
        // room for the small model.h and README.md but not for model.c
        fillLeaving(8192);
        assertUnchangedAfterFailure(() -> second.exportC(dir));
    }

    private static void emptyProbe() throws IOException {
        try (Stream<Path> files = Files.walk(mountPoint.resolve("probe"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
