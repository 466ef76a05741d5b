package io.tinymlaas.kernel;

import io.tinymlaas.kernel.eval.CellResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a JShell script (.jsh) the way a notebook cell runs, with the kernel's default imports, and
 * says by its exit code whether it failed: 0 when it ran to its end or to {@code /exit}, 1 when a
 * snippet did not compile or threw (the error names the script line), 2 when it cannot be read.
 */
final class ScriptRunner {

    private ScriptRunner() {
    }

    static int run(Path script) {
        String code;
        try {
            code = untilExit(Files.readAllLines(script));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(script + ": " + e.getMessage());
            return 2;
        }
        Workbench workbench = Workbench.create(System.getProperty("java.class.path"));
        CellResult result = workbench.runner().run(1, code);
        System.out.flush();
        if (result.failed()) {
            System.err.println(script + ": " + result.error().ename() + ": " + result.error().evalue());
            result.error().traceback().forEach(line -> System.err.println(line.replaceAll("\u001b\\[[0-9;]*m", "")));
            return 1;
        }
        return 0;
    }

    /** The script's lines up to {@code /exit}; other JShell commands have no meaning here. */
    static String untilExit(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String command = line.strip();
            if (command.equals("/exit") || command.startsWith("/exit ")) {
                break;
            }
            if (command.startsWith("/") && !command.startsWith("//") && !command.startsWith("/*")) {
                throw new IllegalArgumentException("line " + (kept.size() + 1) + ": JShell command " + command
                        + " is not supported in scripts; only /exit is");
            }
            kept.add(line);
        }
        return String.join("\n", kept);
    }
}
