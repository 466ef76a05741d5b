package io.tinymlaas.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScriptRunnerTest {

    @TempDir
    Path dir;

    @Test
    void aScriptEndsAtExit() {
        assertEquals("int a = 1;\n// note", ScriptRunner.untilExit(List.of("int a = 1;", "// note", "/exit", "throw x;")));
    }

    @Test
    void otherJShellCommandsAreRefusedWithTheirLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScriptRunner.untilExit(List.of("int a = 1;", "/vars")));
        assertEquals("line 2: JShell command /vars is not supported in scripts; only /exit is", e.getMessage());
    }

    @Test
    void theExitCodeSaysWhetherTheScriptFailed() throws Exception {
        Path good = Files.writeString(dir.resolve("good.jsh"), "var xs = List.of(1, 2);\nxs.size()\n/exit\n");
        Path bad = Files.writeString(dir.resolve("bad.jsh"), "int a = 1;\nint b = a / 0;\n");
        assertEquals(0, ScriptRunner.run(good));
        assertEquals(1, ScriptRunner.run(bad));
        assertEquals(2, ScriptRunner.run(dir.resolve("missing.jsh")));
    }
}
