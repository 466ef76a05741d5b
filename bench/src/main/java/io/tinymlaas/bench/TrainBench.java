package io.tinymlaas.bench;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.History;
import io.tinymlaas.nn.Model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./tinyml bench train}: the MLP 784-128-10 and the CNN conv 8@3x3 VALID, ReLU, maxpool 2,
 * dense 10 on Fashion-MNIST (batch 64, plain SGD), each trained here and by
 * {@code bench/src/main/python/train_numpy.py} in the same run, alternately, so that both see the same machine
 * load. The second epoch is timed. Prints seconds per epoch, test accuracy and our/numpy ratio.
 * Options: {@code --epochs N} (default 2), {@code --threads N}, {@code --models mlp,cnn},
 * {@code --no-numpy}.
 */
public final class TrainBench {
    private static final double LEARNING_RATE = 0.05;

    private TrainBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int epochs = 2;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> models = List.of("mlp", "cnn");
        boolean numpy = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--models" -> models = List.of(args[++i].split(","));
                case "--no-numpy" -> numpy = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --epochs N, --threads N, --models mlp,cnn, --no-numpy");
            }
        }
        Dataset data = Datasets.fashionMnist();
        Path script = TrainNumpy.findScript();
        System.out.printf(Locale.ROOT, "Fashion-MNIST %d train / %d test, batch 64, sgd(%.2f), epoch %d of %d timed, %d threads, %s%n",
                data.train().size(), data.test().size(), LEARNING_RATE, Math.min(2, epochs), epochs, threads,
                io.tinymlaas.nn.Kernels.describe());
        // other work on the machine takes cores from our threads, not from numpy's one: say how busy it was
        System.out.printf(Locale.ROOT, "load average %.2f on %d processors%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        Map<String, double[]> ours = new TreeMap<>();
        Map<String, double[]> reference = new TreeMap<>();
        for (String name : models) {
            if (numpy) {
                reference.put(name, TrainNumpy.run(script, Datasets.fashionMnistFolder(), epochs, name));
            }
            Model model = model(name);
            History h = model.fit(data.train(), Fit.epochs(epochs).batch(64).sgd(LEARNING_RATE).seed(42)
                    .threads(threads).progress(false));
            double seconds = h.seconds(Math.min(2, h.epochs()));
            double accuracy = model.evaluate(data.test()).accuracy();
            ours.put(name, new double[]{seconds, accuracy});
            System.out.printf(Locale.ROOT, "  %s: ours %.3f s/epoch (epochs: %s)%n", name, seconds, secondsOf(h));
        }
        System.out.printf(Locale.ROOT, "load average %.2f at the end%n%n", loadAverage());
        System.out.printf(Locale.ROOT, "%-4s %12s %12s %8s %10s %10s%n", "model", "ours s/ep", "numpy s/ep", "ratio",
                "ours acc", "numpy acc");
        for (String name : models) {
            double[] o = ours.get(name);
            double[] r = reference.get(name);
            System.out.printf(Locale.ROOT, "%-5s %11.3f %12s %8s %10.4f %10s%n", name, o[0],
                    r == null ? "-" : String.format(Locale.ROOT, "%.3f", r[0]),
                    r == null ? "-" : String.format(Locale.ROOT, "%.2f", o[0] / r[0]), o[1],
                    r == null ? "-" : String.format(Locale.ROOT, "%.4f", r[1]));
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static Model model(String name) {
        return switch (name) {
            case "mlp" -> Model.sequential(Shape.of(28, 28, 1)).flatten().dense(128).relu().dense(10).softmax();
            case "cnn" -> Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2)
                    .flatten().dense(10).softmax();
            default -> throw new IllegalArgumentException("unknown model " + name + "; models: mlp, cnn");
        };
    }

    private static String secondsOf(History h) {
        List<String> s = new ArrayList<>();
        for (int e = 1; e <= h.epochs(); e++) {
            s.add(String.format(Locale.ROOT, "%.3f", h.seconds(e)));
        }
        return String.join(", ", s);
    }
}
