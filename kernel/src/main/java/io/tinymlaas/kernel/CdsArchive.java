package io.tinymlaas.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data-sharing archive next to the kernel jar: JShell and javac classes pre-parsed,
 * which shortens kernel start. Made by a warm-up run of the jar; remade when the jar is newer.
 * A missing or stale archive only costs speed: the JVM then starts without it.
 */
final class CdsArchive {

    private CdsArchive() {
    }

    static Path beside(Path jar) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa";
        return jar.resolveSibling(name);
    }

    /** Makes the archive unless it is newer than the jar; says so on stderr if it cannot. */
    static void refresh(Path java, Path jar, List<String> jvmOptions) throws IOException, InterruptedException {
        Path archive = beside(jar);
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return;
        }
        Files.deleteIfExists(archive);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--warm-up"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(archive)) {
            process.destroyForcibly();
            System.err.println("note: no class-data archive made (" + String.join(" ", command)
                    + "); the kernel works, it only starts slower");
        }
    }
}
