package io.tinymlaas.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a kernelspec folder (kernel.json) for {@code jupyter kernelspec install --user --name
 * tinyml DIR}: the java command that starts this jar, with the JVM options the kernel needs and
 * the class-data archive that makes it start faster.
 */
final class KernelSpec {

    /** JVM options of the kernel: Vector API for the DSL, the exit guard, headless AWT for charts. */
    static final List<String> JVM_OPTIONS = List.of(
            "--add-modules", "jdk.incubator.vector",
            "-Djava.security.manager=allow",
            "-Djava.awt.headless=true",
            // A class-data archive left stale by a rebuild is skipped: say nothing about it.
            "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private KernelSpec() {
    }

    static void write(Path dir, Path jar, String displayName) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        CdsArchive.refresh(java, jar, JVM_OPTIONS);
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.add("-XX:SharedArchiveFile=" + CdsArchive.beside(jar));
        argv.addAll(JVM_OPTIONS);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.add("{connection_file}");
        String json = "{\n"
                + "  \"argv\": [" + argv.stream().map(KernelSpec::quote).collect(Collectors.joining(", ")) + "],\n"
                + "  \"display_name\": " + quote(displayName) + ",\n"
                + "  \"language\": \"java\",\n"
                + "  \"interrupt_mode\": \"message\",\n"
                + "  \"metadata\": {\"debugger\": false}\n"
                + "}\n";
        Files.writeString(dir.resolve("kernel.json"), json, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
