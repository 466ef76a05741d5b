package io.tinymlaas.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs bench/src/main/python/train_numpy.py (the numpy reference of {@link TrainBench}) with python3 from PATH, one thread. */
final class TrainNumpy {
    private TrainNumpy() {
    }

    /** bench/src/main/python/train_numpy.py in the working folder or one above it (the launcher runs from the repository). */
    static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("bench/src/main/python/train_numpy.py");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("bench/src/main/python/train_numpy.py not found from " + Path.of("").toAbsolutePath()
                + ": run the benchmark from the repository, or pass --no-numpy");
    }

    /** {seconds per epoch, test accuracy} of one model. */
    static double[] run(Path script, Path datasetFolder, int epochs, String model) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("python3", script.toString(), datasetFolder.toString(),
                Integer.toString(epochs), model)).redirectErrorStream(true);
        for (String v : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            pb.environment().put(v, "1");
        }
        Process p = pb.start();
        double[] result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith(model + " ")) {
                    result = new double[]{value(line, "seconds_per_epoch="), value(line, "accuracy=")};
                    System.out.println("  " + model + ": numpy " + line.substring(model.length() + 1));
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException("python3 " + script + " failed (exit " + exit + "):\n" + output);
        }
        return result;
    }

    private static double value(String line, String key) {
        int at = line.indexOf(key) + key.length();
        int end = line.indexOf(' ', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() : end));
    }
}
