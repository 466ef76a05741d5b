package io.tinymlaas.codegen;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.quant.Int8Interpreter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported C, compiled with gcc against the runtime, gives the Java reference's bytes. */
class CExporterTest {
    private static final String HARNESS = """
            #include <stdio.h>
            #include <string.h>
            #include "model.h"
            int main(void) {
                tm_status s = model_check();
                if (s != TM_OK) { fprintf(stderr, "model_check: %d\\n", (int) s); return 2; }
                while (fread(model_input(), 1, MODEL_INPUT_BYTES, stdin) == MODEL_INPUT_BYTES) {
                    model_invoke();
                    fwrite(model_output(), 1, MODEL_OUTPUT_BYTES, stdout);
                }
                return 0;
            }
            """;
    private static final List<String> WARNINGS = List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic");

    @TempDir
    static Path work;
    private static Path runtime;
    private static Path library;

    @BeforeAll
    static void buildRuntime() throws Exception {
        runtime = FirmwareHome.locate().runtime();
        List<String> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(runtime)) {
            for (Path c : files.filter(p -> p.toString().endsWith(".c")).sorted().toList()) {
                Path o = work.resolve(c.getFileName().toString().replace(".c", ".o"));
                run(null, concat(List.of("gcc", "-O1", "-c", "-I", runtime.toString()), WARNINGS,
                        List.of(c.toString(), "-o", o.toString())));
                objects.add(o.toString());
            }
        }
        library = work.resolve("libtm.a");
        run(null, concat(List.of("ar", "rcs", library.toString()), objects));
    }

    @Test
    void randomGraphsGiveTheJavaReferenceBytes() throws Exception {
        Random random = new Random(21);
        for (int g = 0; g < 12; g++) {
            Graph graph = RandomGraphs.chain(random);
            Path dir = work.resolve("model" + g);
            CExporter.export(graph, dir);
            Files.writeString(dir.resolve("harness.c"), HARNESS);
            Path program = dir.resolve("harness");
            run(null, concat(List.of("gcc", "-O1", "-I", dir.toString(), "-I", runtime.toString()), WARNINGS,
                    List.of(dir.resolve("model.c").toString(), dir.resolve("harness.c").toString(), library.toString(),
                            "-o", program.toString())));
            ByteArrayOutputStream inputs = new ByteArrayOutputStream();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 8; i++) {
                byte[] input = RandomGraphs.input(graph, random);
                inputs.write(input);
                expected.write(Int8Interpreter.run(graph, input));
            }
            byte[] actual = run(inputs.toByteArray(), List.of(program.toString()));
            assertArrayEquals(expected.toByteArray(), actual, "graph " + g + ": " + graph.ops().stream().map(o -> o.kind().name()).toList());
        }
    }

    @Test
    void theExportedFolderBuildsOnItsOwn() throws Exception {
        Random random = new Random(23);
        Graph graph = RandomGraphs.chain(random);
        Path dir = work.resolve("standalone");
        CExporter.export(graph, dir);
        Files.writeString(dir.resolve("harness.c"), HARNESS);
        List<String> sources = new ArrayList<>(List.of("model.c", "harness.c"));
        try (Stream<Path> files = Files.list(dir.resolve("runtime"))) {
            files.filter(p -> p.toString().endsWith(".c")).forEach(p -> sources.add("runtime/" + p.getFileName()));
        }
        Path program = dir.resolve("model-test");
        run(null, concat(List.of("gcc", "-O1", "-I", dir.toString(), "-I", dir.resolve("runtime").toString()), WARNINGS,
                concat(sources.stream().map(f -> dir.resolve(f).toString()).toList(), List.of("-o", program.toString()))));
        byte[] input = RandomGraphs.input(graph, random);
        assertArrayEquals(Int8Interpreter.run(graph, input), run(input, List.of(program.toString())));
    }

    @Test
    void compilesWarningFreeForCortexM4() throws Exception {
        Graph graph = RandomGraphs.chain(new Random(22));
        Path dir = work.resolve("arm");
        CExporter.export(graph, dir);
        run(null, concat(List.of("arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-Os", "-c",
                "-I", dir.toString(), "-I", runtime.toString()), WARNINGS,
                List.of(dir.resolve("model.c").toString(), "-o", dir.resolve("model.o").toString())));
        assertTrue(Files.size(dir.resolve("model.o")) > 0);
    }

    @Test
    void writesTheWeightsAsConstArraysAndTheOpsAsStraightLineCalls() throws IOException {
        Graph graph = BlobWriterTest.smallGraph();
        Path dir = work.resolve("small");
        CExporter.export(graph, dir);
        String c = Files.readString(dir.resolve("model.c"));
        assertTrue(c.contains("static const int8_t op0_weights[54] = {"), c);
        assertTrue(c.contains("static const int32_t op0_shifts[3] = {\n    -7, -8, -9,\n};"), c);
        assertTrue(c.contains("void model_invoke(void) {\n"
                + "    TM_KERNEL(tm_conv2d)(&ops[0], &tensors[0], ARENA + 48, &tensors[1], ARENA + 0);\n"
                + "    TM_KERNEL(tm_reshape)(&ops[1], &tensors[1], ARENA + 0, &tensors[2], ARENA + 48);\n"), c);
        assertTrue(c.contains("int8_t *model_input(void) {\n    return ARENA + 48;\n}"), c);
        String h = Files.readString(dir.resolve("model.h"));
        assertTrue(h.contains("#define MODEL_ARENA_BYTES " + ArenaOffsets.of(graph).arenaBytes() + "u"), h);
        assertTrue(Files.readString(dir.resolve("README.md")).contains("ESP-IDF"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return concat(concat(a, b), c);
    }

    private static byte[] run(byte[] stdin, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + err);
        return out;
    }
}
