package io.tinymlaas.tflite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real TFLite interpreter: {@code deps/npm/tflite-runtime.mjs} runs .tflite files in tfjs-tflite
 * (TFLite compiled to WebAssembly) inside Debian's headless Chromium. {@code npm ci --prefix deps/npm}
 * installs it ({@code ./tinyml test} does).
 */
final class TfjsTflite {
    /** One model and its inputs, one after another. */
    record Case(String name, byte[] model, List<byte[]> inputs) {
    }

    private TfjsTflite() {
    }

    /** The outputs of every case's inputs, as the runtime computed them; and the op types it ran outside its delegate. */
    static List<List<byte[]>> run(List<Case> cases, Path dir, List<String> report) throws IOException, InterruptedException {
        Path script = script();
        StringBuilder manifest = new StringBuilder("[");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Files.write(dir.resolve(c.name() + ".tflite"), c.model());
            Files.write(dir.resolve(c.name() + ".in"), concat(c.inputs()));
            manifest.append(i > 0 ? "," : "").append("{\"model\":\"").append(c.name()).append(".tflite\",\"inputs\":\"")
                    .append(c.name()).append(".in\",\"count\":").append(c.inputs().size()).append('}');
        }
        Files.writeString(dir.resolve("manifest.json"), manifest.append(']'));
        Process p = new ProcessBuilder("node", script.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("tfjs-tflite did not run every model:\n" + log);
        }
        report.addAll(log.lines().toList());
        List<List<byte[]>> outputs = new ArrayList<>();
        for (Case c : cases) {
            byte[] all = Files.readAllBytes(dir.resolve(c.name() + ".in.out"));
            int size = all.length / c.inputs().size();
            List<byte[]> each = new ArrayList<>();
            for (int s = 0; s < c.inputs().size(); s++) {
                each.add(java.util.Arrays.copyOfRange(all, s * size, (s + 1) * size));
            }
            outputs.add(each);
        }
        return outputs;
    }

    /** deps/npm/tflite-runtime.mjs of this checkout, its packages installed. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path npm = d.resolve("deps/npm");
            if (Files.isRegularFile(npm.resolve("tflite-runtime.mjs"))) {
                if (!Files.isDirectory(npm.resolve("node_modules/@tensorflow/tfjs-tflite"))) {
                    throw new AssertionError("tfjs-tflite is not installed: run npm ci --prefix " + npm);
                }
                return npm.resolve("tflite-runtime.mjs");
            }
        }
        throw new AssertionError("no deps/npm/tflite-runtime.mjs above " + Path.of("").toAbsolutePath());
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(b -> b.length).sum();
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return all;
    }
}
