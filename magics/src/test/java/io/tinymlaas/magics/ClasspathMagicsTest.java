package io.tinymlaas.magics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %maven and %classpath hand the notebook the jars they resolve or are given, each once. */
class ClasspathMagicsTest {

    @Test
    void mavenAddsTheArtifactAndItsDependenciesOnce(@TempDir Path repository) {
        FakeContext context = new FakeContext();
        MavenMagic maven = new MavenMagic(new MavenArtifacts(repository));
        assertEquals("added commons-text-1.12.0.jar, commons-lang3-3.14.0.jar",
                maven.run(" org.apache.commons:commons-text:1.12.0 ", context));
        assertEquals(2, context.classpath().size());
        assertTrue(context.classpath().get(0).startsWith(repository), context.classpath().toString());
        assertEquals("already on the class path: org.apache.commons:commons-lang3:3.14.0",
                maven.run("org.apache.commons:commons-lang3:3.14.0", context));
    }

    @Test
    void mavenWithoutCoordinatesShowsAnExample(@TempDir Path repository) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MavenMagic(new MavenArtifacts(repository)).run("  ", new FakeContext()));
        assertEquals("%maven needs coordinates, e.g. %maven org.apache.commons:commons-text:1.12.0", e.getMessage());
    }

    @Test
    void classpathAddsJarsAndFoldersAndListsThem(@TempDir Path dir) throws Exception {
        FakeContext context = new FakeContext();
        ClasspathMagic classpath = new ClasspathMagic();
        assertEquals("nothing added to the class path yet (%classpath JAR, %maven GROUP:ARTIFACT:VERSION)",
                classpath.run("", context));
        Path jar = Files.createFile(dir.resolve("lib.jar"));
        Path classes = Files.createDirectory(dir.resolve("classes"));
        assertEquals("added " + jar + ", " + classes, classpath.run(jar + " " + classes, context));
        assertEquals(List.of(jar, classes), context.classpath());
        assertEquals(jar + "\n" + classes, classpath.run("", context));
    }

    @Test
    void classpathRefusesWhatIsNotAJarOrAFolder(@TempDir Path dir) throws Exception {
        Path text = Files.createFile(dir.resolve("notes.txt"));
        var e = assertThrows(IllegalArgumentException.class, () -> new ClasspathMagic().run(text.toString(), new FakeContext()));
        assertTrue(e.getMessage().startsWith("no jar or class folder at " + text), e.getMessage());
    }
}
