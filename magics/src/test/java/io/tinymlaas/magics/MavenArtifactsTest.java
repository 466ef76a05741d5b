package io.tinymlaas.magics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real resolution from Maven Central into a fresh local repository. */
class MavenArtifactsTest {

    @Test
    void resolvesAnArtifactAndItsRuntimeDependenciesIntoTheLocalRepository(@TempDir Path repository) {
        List<Path> jars = new MavenArtifacts(repository).resolve("org.apache.commons:commons-text:1.12.0");
        List<String> names = jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        assertEquals(List.of("commons-text-1.12.0.jar", "commons-lang3-3.14.0.jar"), names);
        jars.forEach(jar -> {
            assertTrue(jar.startsWith(repository), jar.toString());
            assertTrue(Files.isRegularFile(jar), jar.toString());
        });
    }

    @Test
    void malformedCoordinatesSayWhatIsExpected(@TempDir Path repository) {
        var e = assertThrows(IllegalArgumentException.class, () -> new MavenArtifacts(repository).resolve("commons-text"));
        assertEquals("\"commons-text\" is not group:artifact:version (e.g. org.apache.commons:commons-text:1.12.0)", e.getMessage());
    }

    @Test
    void anArtifactCentralDoesNotHaveIsNamed(@TempDir Path repository) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MavenArtifacts(repository).resolve("io.tinymlaas:no-such-artifact:0.0.1"));
        assertTrue(e.getMessage().startsWith("cannot resolve io.tinymlaas:no-such-artifact:0.0.1 from Maven Central: "), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-artifact"), e.getMessage());
    }
}
