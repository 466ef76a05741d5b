package io.tinymlaas.report;

import io.tinymlaas.codegen.CExporter;
import io.tinymlaas.codegen.FirmwareHome;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.Quantizer;
import io.tinymlaas.target.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 5, item 6: the size report's flash and RAM for {@code qemu-m4} against {@code arm-none-eabi-size}
 * of real firmware with the model compiled in ({@code make -C firmware mps2-model}: firmware/mps2 with
 * the exported model.c, serving it over the protocol). Flash = .text + .ARM.exidx + .data (the
 * image); RAM = .data + .bss + .stack (the 16 KiB mps2.ld reserves in its own NOLOAD section).
 */
class PredictedVsMeasuredSizeTest {
    private static final double TOLERANCE = 0.10;

    @TempDir
    static Path work;
    private static FirmwareHome firmware;

    @BeforeAll
    static void needsTheArmToolchain() {
        assumeTrue(onPath("arm-none-eabi-gcc") && onPath("arm-none-eabi-size"),
                "SKIPPED: arm-none-eabi-gcc is not installed (Debian gcc-arm-none-eabi libnewlib-arm-none-eabi):"
                        + " cannot build the qemu-m4 firmware whose size the prediction is checked against");
        firmware = FirmwareHome.locate();
    }

    /** The tutorial CNN: conv8@3x3 VALID + relu, maxpool 2, flatten, dense 10, softmax; random weights. */
    static Graph cnn() {
        Model m = Model.sequential(Shape.of(28, 28, 1)).seed(5).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
        return m.quantize(randomSamples(Shape.of(28, 28, 1), 8)).graph();
    }

    /** The tutorial MLP 784-128-10 with softmax; random weights. */
    static Graph mlp() {
        Model m = Model.sequential(Shape.of(784)).seed(6).dense(128).relu().dense(10).softmax();
        return m.quantize(randomSamples(Shape.of(784), 8)).graph();
    }

    private static Dataset randomSamples(Shape shape, int n) {
        Random random = new Random(7);
        float[][] x = new float[n][shape.size()];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextFloat();
            }
        }
        return Dataset.of(shape, x, new int[n]);
    }

    @Test
    void tutorialCnnOnQemuM4() throws Exception {
        check("cnn", cnn());
    }

    @Test
    void tutorialMlpOnQemuM4() throws Exception {
        check("mlp", mlp());
    }

    private static void check(String name, Graph graph) throws Exception {
        SizeReport predicted = SizeReport.of(graph, Target.of("qemu-m4"));
        Map<String, Long> sections = measure(name, graph);
        long flash = sections.get(".text") + sections.getOrDefault(".ARM.exidx", 0L) + sections.getOrDefault(".data", 0L);
        long ram = sections.getOrDefault(".data", 0L) + sections.get(".bss") + sections.get(".stack");
        String figures = String.format(Locale.ROOT, "%s on qemu-m4: flash predicted %d, measured %d (%+.1f%%) %s;"
                        + " RAM predicted %d, measured %d (%+.1f%%) %s; sections %s",
                name, predicted.flashBytes(), flash, 100.0 * (predicted.flashBytes() - flash) / flash,
                predicted.flashBreakdown(), predicted.ramBytes(), ram, 100.0 * (predicted.ramBytes() - ram) / ram,
                predicted.ramBreakdown(), sections);
        System.out.println(figures);
        assertTrue(Math.abs(predicted.flashBytes() - flash) <= TOLERANCE * flash, figures);
        assertTrue(Math.abs(predicted.ramBytes() - ram) <= TOLERANCE * ram, figures);
    }

    /** Exports the graph as C, builds the firmware with it and reads {@code arm-none-eabi-size -A}. */
    private static Map<String, Long> measure(String name, Graph graph) throws Exception {
        Path dir = work.resolve(name);
        CExporter.export(graph, dir);
        Path elf = work.resolve(name + ".elf");
        run(List.of("make", "-s", "-C", firmware.runtime().getParent().toString(), "mps2-model",
                "MODEL_DIR=" + dir.toAbsolutePath(), "OUT=" + elf.toAbsolutePath()));
        return sizeA(run(List.of("arm-none-eabi-size", "-A", elf.toString())));
    }

    /** Section name to size from {@code size -A}. */
    static Map<String, Long> sizeA(String output) {
        Map<String, Long> sections = new HashMap<>();
        for (String line : output.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].startsWith(".") && f[1].matches("\\d+")) {
                sections.put(f[0], Long.parseLong(f[1]));
            }
        }
        return sections;
    }

    @Test
    void readsSizeA() {
        Map<String, Long> s = sizeA("""
                tinyml.elf  :
                section           size        addr
                .text            27460           0
                .data               32   536870912
                .bss              9836   536870944
                .stack           16384   536880784
                .comment            30           0
                Total            53742
                """);
        assertEquals(27460, s.get(".text"));
        assertEquals(16384, s.get(".stack"));
        assertEquals(5, s.size());     // .comment is read too, "Total" and the header are not
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
