package io.tinymlaas.kernel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The imports every notebook cell and the {@code tinyml jshell} session start with: the one place
 * to add a DSL package. Packages not on the class path (not built yet) are skipped.
 */
public final class DefaultImports {

    static final List<String> PACKAGES = List.of(
            "java.util", "java.util.stream", "java.nio.file", "java.io", "java.time",
            "io.tinymlaas", "io.tinymlaas.data", "io.tinymlaas.nn", "io.tinymlaas.quant",
            "io.tinymlaas.target", "io.tinymlaas.report", "io.tinymlaas.codegen", "io.tinymlaas.device",
            "io.tinymlaas.live", "io.tinymlaas.fleet", "io.tinymlaas.tflite");

    static final String NOTEBOOK_STATICS = "io.tinymlaas.kernel.display.Notebook";

    private DefaultImports() {
    }

    /** The import statements, one per line, for the packages present on this class path. */
    public static String script() {
        ClassLoader loader = DefaultImports.class.getClassLoader();
        return PACKAGES.stream()
                .filter(p -> p.startsWith("java.") || loader.getResource(p.replace('.', '/')) != null)
                .map(p -> "import " + p + ".*;")
                .collect(Collectors.joining("\n", "", "\nimport static " + NOTEBOOK_STATICS + ".*;\n"));
    }

    /** Prints the imports as a JShell startup script, for {@code jshell --startup}. */
    public static void main(String[] args) {
        System.out.print(script());
    }
}
