package io.tinymlaas.bench;

import io.tinymlaas.codegen.BlobWriter;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.device.Device;
import io.tinymlaas.device.ElfSize;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.Int8Interpreter;
import io.tinymlaas.quant.QuantizedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code ./tinyml bench device}: for the tutorial's models, instructions per inference on qemu-m4,
 * flash and RAM of the firmware ELF, blob upload times, and the host board's time beside the Java
 * reference interpreter's for the same inferences. Models are trained briefly on Fashion-MNIST when
 * it is installed, else left at their random initial weights (the op counts are the same).
 * Argument {@code random} skips the training.
 */
public final class DeviceBench {
    private static final int INFERENCES = 30;
    private static final int UPLOADS = 3;

    private record Workload(String name, QuantizedModel model, List<byte[]> inputs) {
    }

    private DeviceBench() {
    }

    public static void main(String[] args) {
        boolean train = !Arrays.asList(args).contains("random");
        List<Workload> workloads = workloads(train);
        long t0 = System.nanoTime();
        try (Device qemu = Device.open("qemu-m4"); Device host = Device.open("host")) {
            System.out.printf("boards up in %.2f s (qemu-m4 and host)%n", (System.nanoTime() - t0) / 1e9);
            ElfSize elf = qemu.firmwareSize().orElseThrow();
            System.out.println("qemu-m4 firmware " + elf);
            System.out.println();
            System.out.printf("%-46s %9s %12s %11s %10s %16s %12s %10s %10s %9s%n", "model", "blob B",
                    "qemu upload", "qemu KB/s", "host upl.", "qemu instr/inf", "qemu wall", "host µs", "java µs", "host/java");
            for (Workload w : workloads) {
                row(w, qemu, host);
            }
        }
    }

    private static void row(Workload w, Device qemu, Device host) {
        int blobBytes = BlobWriter.write(w.model().graph()).length;
        double qemuUpload = bestUploadMillis(qemu, w.model());
        double hostUpload = bestUploadMillis(host, w.model());

        long[] instructions = new long[w.inputs().size()];
        long wallStart = System.nanoTime();
        for (int i = 0; i < instructions.length; i++) {
            instructions[i] = qemu.predictRaw(w.inputs().get(i)).time().amount();
        }
        double qemuWallMs = (System.nanoTime() - wallStart) / 1e6 / instructions.length;

        long[] hostMicros = new long[w.inputs().size()];
        for (int i = 0; i < hostMicros.length; i++) {
            hostMicros[i] = host.predictRaw(w.inputs().get(i)).time().amount();
        }
        double javaMicros = javaMicros(w);
        Arrays.sort(instructions);
        Arrays.sort(hostMicros);
        long hostMedian = hostMicros[hostMicros.length / 2];
        System.out.printf("%-46s %9d %9.0f ms %11.1f %7.1f ms %16s %9.1f ms %10d %10.0f %9.2f%n", w.name(), blobBytes,
                qemuUpload, blobBytes / 1024.0 / (qemuUpload / 1000.0), hostUpload,
                instructions[instructions.length / 2] + (instructions[0] == instructions[instructions.length - 1] ? ""
                        : " (" + instructions[0] + "–" + instructions[instructions.length - 1] + ")"),
                qemuWallMs, hostMedian, javaMicros, hostMedian / javaMicros);
    }

    /** The best of a few uploads, in milliseconds (INFO and the upload; the host takes well under one). */
    private static double bestUploadMillis(Device device, QuantizedModel model) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < UPLOADS; i++) {
            long t = System.nanoTime();
            device.deploy(model);
            best = Math.min(best, System.nanoTime() - t);
        }
        return best / 1e6;
    }

    /** The median time of the Java reference interpreter for the same inputs, after a warm-up. */
    private static double javaMicros(Workload w) {
        for (int i = 0; i < 3; i++) {
            for (byte[] input : w.inputs()) {
                Int8Interpreter.run(w.model().graph(), input);
            }
        }
        long[] nanos = new long[w.inputs().size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Int8Interpreter.run(w.model().graph(), w.inputs().get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e3;
    }

    private static List<Workload> workloads(boolean train) {
        Dataset data = train ? fashionMnistOrNull() : null;
        Dataset calibration = data != null ? data.train().shuffle(2).take(200) : randomImages(200);
        Dataset inputs = data != null ? data.test().take(INFERENCES) : randomImages(INFERENCES);
        String trained = data != null ? "" : " (random weights)";
        List<Workload> w = new ArrayList<>();
        Model cnn = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
        w.add(workload("CNN conv8@3x3-pool2-dense10" + trained, cnn, data, calibration, inputs));
        Model mlp = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(128).relu().dense(10).softmax();
        w.add(workload("MLP 784-128-10" + trained, mlp, data, calibration, inputs));
        return w;
    }

    private static Workload workload(String name, Model model, Dataset data, Dataset calibration, Dataset inputs) {
        if (data != null) {
            model.fit(data.train().shuffle(1).take(3000), Fit.epochs(1).batch(32).sgd(0.05, 0.9).seed(42).progress(false));
        }
        QuantizedModel q = model.quantize(calibration);
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            bytes.add(q.quantizeInput(inputs.input(i)));
        }
        return new Workload(name, q, bytes);
    }

    private static Dataset fashionMnistOrNull() {
        try {
            return Datasets.fashionMnist();
        } catch (RuntimeException e) {
            System.out.println("Fashion-MNIST not available (" + e.getMessage() + "): models keep random weights");
            return null;
        }
    }

    private static Dataset randomImages(int n) {
        Random random = new Random(1);
        float[][] images = new float[n][28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < images[i].length; k++) {
                images[i][k] = random.nextFloat();
            }
            labels[i] = i % 10;
        }
        return Dataset.of(Shape.of(28, 28, 1), images, labels);
    }
}
