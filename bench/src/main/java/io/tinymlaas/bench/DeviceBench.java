package io.tinymlaas.bench;

import io.tinymlaas.codegen.BlobWriter;
import io.tinymlaas.codegen.CExporter;
import io.tinymlaas.codegen.FirmwareHome;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.device.Device;
import io.tinymlaas.device.ElfSize;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.OpType;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.Int8Interpreter;
import io.tinymlaas.quant.QuantizedModel;
import io.tinymlaas.report.SizeReport;
import io.tinymlaas.target.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code ./tinyml bench device}: for the tutorial's CNN and MLP and an odd-shaped model (5x5 conv,
 * depthwise, both pools, odd channel counts): instructions per inference and per MAC on the emulated
 * Cortex-M4 with the portable and with the DSP kernels (qemu-m4-portable, qemu-m4), and flash, arena
 * and stack of the firmware with the model compiled in ({@code make mps2-model}, both kernel sets),
 * each beside TFLM + CMSIS-NN's figures for the same model (issue 14) as a ratio; instructions per op
 * beside CMSIS-NN's kernel for the same op and shape; then blob upload
 * times and the host board's time beside the Java reference interpreter's. Models are trained briefly
 * on Fashion-MNIST when it is installed, else left at their random initial weights (the op counts
 * are the same). Argument {@code random} skips the training.
 */
public final class DeviceBench {
    private static final int INFERENCES = 30;
    private static final int UPLOADS = 3;
    /** Inputs each op is timed with alone (the first of the bench inputs). */
    private static final int OP_INPUTS = 9;
    /** The goal for instructions, whole models and each op: at most this times CMSIS-NN's. */
    private static final double GOAL = 0.8;

    /**
     * TFLM + CMSIS-NN on qemu-m4 (-icount) for the whole model, measured for issue 14; 0 where it was
     * not measured. Per op, CMSIS-NN's kernel alone: see {@link OpAnchor}.
     */
    private record Anchor(long instructions, long flashBytes, long arenaBytes, long stackBytes, List<OpAnchor> ops) {
    }

    /**
     * CMSIS-NN's kernel for one op of a bench model, alone; 0 where it has none (RESHAPE: TFLM copies,
     * MEAN: TFLM's reference kernel). Measured outside the repository with a throwaway harness:
     * CMSIS-NN at commit 99f736a6 (github.com/ARM-software/CMSIS-NN), its s8 kernels called directly
     * (arm_convolve_wrapper_s8, arm_depthwise_conv_wrapper_s8, arm_fully_connected_s8 per tensor,
     * arm_max_pool_s8, arm_avgpool_s8, arm_softmax_s8) on these models' shapes with random int8 data,
     * arm-none-eabi-gcc 12.2 -mcpu=cortex-m4 -mthumb -O2, on QEMU mps2-an386 -icount shift=7, counted
     * with the CMSDK timer as the qemu-m4 board counts. Without TFLM's per-op overhead: the CNN's four
     * kernels sum to 784,777 of its 786,898 under TFLM, the MLP's three to 203,178 of 205,650.
     */
    private record OpAnchor(OpType kind, long instructions) {
    }

    private record Workload(String name, QuantizedModel model, List<byte[]> inputs, Anchor anchor) {
    }

    /** The compiled-in firmware of one model with one kernel set. */
    private record Firmware(long flashBytes, int inferenceStack, int firmwareStack) {
    }

    private DeviceBench() {
    }

    public static void main(String[] args) {
        boolean train = !Arrays.asList(args).contains("random");
        List<Workload> workloads = workloads(train);
        long t0 = System.nanoTime();
        try (Device qemu = Device.open("qemu-m4"); Device portable = Device.open("qemu-m4-portable");
             Device host = Device.open("host")) {
            System.out.printf("boards up in %.2f s (qemu-m4, qemu-m4-portable and host)%n", (System.nanoTime() - t0) / 1e9);
            speedAndSize(workloads, qemu, portable);
            perOp(workloads, qemu, portable);
            ElfSize elf = qemu.firmwareSize().orElseThrow();
            System.out.println("qemu-m4 firmware (blob board) " + elf);
            System.out.println();
            System.out.printf("%-46s %9s %12s %11s %10s %16s %12s %10s %10s %9s%n", "model", "blob B",
                    "qemu upload", "qemu KB/s", "host upl.", "qemu instr/inf", "qemu wall", "host µs", "java µs", "host/java");
            for (Workload w : workloads) {
                row(w, qemu, host);
            }
        }
    }

    /**
     * Instructions per inference (median over the inputs) with both kernel sets, per MAC, against
     * the anchor (the goal is at most 0.8x); flash, arena and stack of the compiled-in firmware
     * (the goal: flash at most 0.5x the anchor's, arena and stack no larger than the portable build's).
     */
    private static void speedAndSize(List<Workload> workloads, Device dsp, Device portable) {
        System.out.println();
        System.out.println("Emulated Cortex-M4 (QEMU mps2-an386, -icount): instructions per inference, firmware with the model"
                + " compiled in (-O2); TFLM+CMSIS-NN = the same model under TFLM with CMSIS-NN (issue 14)");
        System.out.printf("%-40s %8s %11s %6s %11s %6s %6s %11s %6s | %9s %9s %6s %7s %7s %6s %6s %7s%n",
                "model", "MACs", "portable", "/MAC", "DSP", "/MAC", "gain", "TFLM+CMSIS", "ratio",
                "flash", "portable", "ratio", "arena", "anchor", "stack", "port.", "anchor");
        Path work = tempDir();
        for (Workload w : workloads) {
            long macs = macs(w.model().graph());
            long fast = medianInstructions(dsp, w);
            long slow = medianInstructions(portable, w);
            Firmware fastFw = compiledIn(w, work, "dsp");
            Firmware slowFw = compiledIn(w, work, "portable");
            long arena = SizeReport.of(w.model().graph(), Target.of("qemu-m4")).arenaBytes();
            Anchor a = w.anchor();
            System.out.printf("%-40s %8d %11d %6.2f %11d %6.2f %5.2fx %11s %6s | %9d %9d %6s %7d %7s %6d %6d %7s%n",
                    w.name(), macs, slow, (double) slow / macs, fast, (double) fast / macs, (double) slow / fast,
                    orDash(a.instructions()), ratio(fast, a.instructions()),
                    fastFw.flashBytes(), slowFw.flashBytes(), ratio(fastFw.flashBytes(), a.flashBytes()),
                    arena, orDash(a.arenaBytes()), fastFw.inferenceStack(), slowFw.inferenceStack(), orDash(a.stackBytes()));
        }
        System.out.println("(ratio = ours with DSP kernels / TFLM+CMSIS-NN; goal <= 0.80 for instructions, <= 0.50 for flash."
                + " stack = tm_invoke and its deepest kernel chain, from gcc -fcallgraph-info)");
        System.out.println();
    }

    /** Instructions of each op alone with both kernel sets, against CMSIS-NN's kernel for it (goal <= 0.8x). */
    private static void perOp(List<Workload> workloads, Device dsp, Device portable) {
        System.out.println("Per op on the emulated Cortex-M4: each op alone in a one-op model, fed its input inside the model"
                + " (median of " + OP_INPUTS + "); CMSIS-NN = its kernel alone, same emulator");
        System.out.printf("%-40s %-18s %-24s %10s %10s %10s %6s%n", "model", "op", "in -> out", "portable", "DSP",
                "CMSIS-NN", "ratio");
        List<String> above = new ArrayList<>();
        for (Workload w : workloads) {
            Graph g = w.model().graph();
            List<byte[]> inputs = w.inputs().subList(0, Math.min(OP_INPUTS, w.inputs().size()));
            long[] fast = OpInstructions.perOp(dsp, g, inputs);
            long[] slow = OpInstructions.perOp(portable, g, inputs);
            for (int i = 0; i < fast.length; i++) {
                Op op = g.ops().get(i);
                long anchor = opAnchor(w, i).instructions();
                System.out.printf("%-40s %-18s %-24s %10d %10d %10s %6s%n", i == 0 ? w.name() : "", op.kind(),
                        g.tensor(op.input()).shape() + " -> " + g.tensor(op.output()).shape(), slow[i], fast[i],
                        orDash(anchor), ratio(fast[i], anchor));
                if (anchor > 0 && fast[i] > GOAL * anchor) {
                    above.add(w.name().split(" ")[0] + " " + op.kind());
                }
            }
        }
        System.out.println("(ops above " + GOAL + "x CMSIS-NN: " + (above.isEmpty() ? "none" : String.join(", ", above)) + ")");
        System.out.println();
    }

    /** The anchor of op {@code i}, checked against the graph (the models and their anchors change together). */
    private static OpAnchor opAnchor(Workload w, int i) {
        List<OpType> kinds = w.model().graph().ops().stream().map(Op::kind).toList();
        List<OpType> anchored = w.anchor().ops().stream().map(OpAnchor::kind).toList();
        if (!kinds.equals(anchored)) {
            throw new IllegalStateException(w.name() + " has ops " + kinds + " but CMSIS-NN anchors for " + anchored);
        }
        return w.anchor().ops().get(i);
    }

    private static long medianInstructions(Device device, Workload w) {
        device.deploy(w.model());
        long[] instructions = new long[w.inputs().size()];
        for (int i = 0; i < instructions.length; i++) {
            instructions[i] = device.predictRaw(w.inputs().get(i)).time().amount();
        }
        Arrays.sort(instructions);
        return instructions[instructions.length / 2];
    }

    /** Multiply-accumulates of one inference. */
    static long macs(Graph graph) {
        long macs = 0;
        for (Op op : graph.ops()) {
            macs += op.kind().macs(graph.tensor(op.input()).shape(), graph.tensor(op.output()).shape(), op.window());
        }
        return macs;
    }

    /** Exports the model as C and builds the qemu-m4 firmware with it compiled in, with one kernel set. */
    private static Firmware compiledIn(Workload w, Path work, String kernels) {
        String name = w.name().replaceAll("[^A-Za-z0-9]+", "-") + "-" + kernels;
        Path dir = work.resolve(name);
        CExporter.export(w.model().graph(), dir);
        Path elf = work.resolve(name + ".elf");
        FirmwareHome.locate().make("mps2-model", "MODEL_DIR=" + dir.toAbsolutePath(), "OUT=" + elf.toAbsolutePath(),
                "KERNELS=" + kernels);
        ElfSize size = ElfSize.of(elf);
        CallGraphStack stack = CallGraphStack.read(work, name + "-").resolveIndirect("tm_run_op",
                FirmwareHome.locate().runtime().resolve("tm_kernels.h"), kernels.equals("dsp") ? "_dsp" : "");
        return new Firmware(size.flashBytes(), stack.deepest("tm_invoke"), stack.deepest("main"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tinyml-bench-device");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orDash(long value) {
        return value > 0 ? Long.toString(value) : "-";
    }

    private static String ratio(long ours, long anchor) {
        return anchor > 0 ? String.format("%.2f", (double) ours / anchor) : "-";
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
        w.add(workload("CNN conv8@3x3-pool2-dense10" + trained, cnn, data, calibration, inputs,
                new Anchor(786_898, 103_800, 7_852, 1_420, List.of(new OpAnchor(OpKind.CONV_2D, 683_297),
                        new OpAnchor(OpKind.MAX_POOL_2D, 70_020), new OpAnchor(OpKind.RESHAPE, 0),
                        new OpAnchor(OpKind.FULLY_CONNECTED, 26_034), new OpAnchor(OpKind.SOFTMAX, 5_426)))));
        Model mlp = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(128).relu().dense(10).softmax();
        w.add(workload("MLP 784-128-10" + trained, mlp, data, calibration, inputs, new Anchor(205_650, 0, 0, 0,
                List.of(new OpAnchor(OpKind.RESHAPE, 0), new OpAnchor(OpKind.FULLY_CONNECTED, 194_681),
                        new OpAnchor(OpKind.FULLY_CONNECTED, 3_071), new OpAnchor(OpKind.SOFTMAX, 5_426)))));
        Model odd = Model.sequential(Shape.of(28, 28, 1)).conv2d(7, 5).relu().depthwiseConv2d(3).relu().avgPool(2)
                .conv2d(5, 3).relu().maxPool(2).flatten().dense(10).softmax();
        w.add(workload("odd conv7@5x5-dw3x3-avg2-conv5@3x3-max2" + trained, odd, data, calibration, inputs,
                new Anchor(0, 0, 0, 0, List.of(new OpAnchor(OpKind.CONV_2D, 1_036_241),
                        new OpAnchor(OpKind.DEPTHWISE_CONV_2D, 362_671), new OpAnchor(OpKind.AVERAGE_POOL_2D, 47_413),
                        new OpAnchor(OpKind.CONV_2D, 126_947), new OpAnchor(OpKind.MAX_POOL_2D, 5_406),
                        new OpAnchor(OpKind.RESHAPE, 0), new OpAnchor(OpKind.FULLY_CONNECTED, 2_169),
                        new OpAnchor(OpKind.SOFTMAX, 5_426)))));
        return w;
    }

    private static Workload workload(String name, Model model, Dataset data, Dataset calibration, Dataset inputs,
                                     Anchor anchor) {
        if (data != null) {
            model.fit(data.train().shuffle(1).take(3000), Fit.epochs(1).batch(32).sgd(0.05, 0.9).seed(42).progress(false));
        }
        QuantizedModel q = model.quantize(calibration);
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            bytes.add(q.quantizeInput(inputs.input(i)));
        }
        return new Workload(name, q, bytes, anchor);
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
