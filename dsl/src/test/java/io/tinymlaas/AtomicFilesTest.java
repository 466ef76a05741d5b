package io.tinymlaas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path on a simulated full disk: the disk fills while a file of a group is half written. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    /** Writes as the disk does until {@code freeBytes} are used up, then fails as a full disk does. */
    private static AtomicFiles diskWithRoom(int freeBytes) {
        int[] left = {freeBytes};
        return new AtomicFiles((file, content) -> {
            int n = Math.min(left[0], content.length);
            Files.write(file, Arrays.copyOf(content, n));
            left[0] -= n;
            if (n < content.length) {
                throw new IOException(file + ": No space left on device");
            }
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesEveryFileOfAGroupAndLeavesNothingElse() throws IOException {
        Files.write(dir.resolve("model.h"), bytes("old header"));
        AtomicFiles.write(Map.of(dir.resolve("model.h"), bytes("new header"), dir.resolve("sub/model.c"), bytes("new source")));
        assertEquals("new header", Files.readString(dir.resolve("model.h")));
        assertEquals("new source", Files.readString(dir.resolve("sub/model.c")));
        assertEquals(List.of("model.h", "sub"), names());
    }

    @Test
    void aDiskThatFillsHalfwayThroughTheSecondFileReplacesNoneOfTheGroup() throws IOException {
        Files.write(dir.resolve("model.h"), bytes("old header"));
        Files.write(dir.resolve("model.c"), bytes("old source"));
        Map<Path, byte[]> group = new LinkedHashMap<>();
        group.put(dir.resolve("model.h"), bytes("new header"));
        group.put(dir.resolve("model.c"), bytes("a new source that does not fit"));
        group.put(dir.resolve("README.md"), bytes("new readme"));

        IOException e = assertThrows(IOException.class, () -> diskWithRoom(20).writeAll(group));

        assertTrue(e.getMessage().contains(".model.c.") && e.getMessage().endsWith("No space left on device"), e.getMessage());
        assertEquals("old header", Files.readString(dir.resolve("model.h")));
        assertEquals("old source", Files.readString(dir.resolve("model.c")));
        assertFalse(Files.exists(dir.resolve("README.md")));
        assertEquals(List.of("model.c", "model.h"), names(), "no temporary file is left behind");
    }

    @Test
    void aSingleFileOnAFullDiskKeepsItsOldContent() throws IOException {
        Path file = dir.resolve("model.tmq");
        byte[] old = bytes("a good model");
        Files.write(file, old);
        assertThrows(IOException.class, () -> diskWithRoom(4).writeAll(Map.of(file, bytes("a bigger new model"))));
        assertArrayEquals(old, Files.readAllBytes(file));
        assertEquals(List.of("model.tmq"), names());
    }
}
