package io.tinymlaas.codegen;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.ops.TflmParams;
import io.tinymlaas.quant.arith.SoftmaxScaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random small int8 chains of every op kind (MEAN included), with random shapes, windows, padding, quantization,
 * fused activations and multipliers/shifts inside TFLM's ranges: the material of differential tests.
 */
public final class RandomGraphs {
    private final Random random;
    private final List<TensorSpec> tensors = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();

    private RandomGraphs(Random random) {
        this.random = random;
    }

    /** A chain: a few window ops on an image, then maybe a flatten or a MEAN, dense layers, maybe a softmax. */
    public static Graph chain(Random random) {
        return new RandomGraphs(random).build();
    }

    /** A random input for a graph's input tensor. */
    public static byte[] input(Graph graph, Random random) {
        byte[] bytes = new byte[graph.tensors().get(graph.input()).bytes()];
        random.nextBytes(bytes);
        return bytes;
    }

    private Graph build() {
        boolean image = random.nextInt(5) > 0;
        if (image) {
            tensor(Shape.of(between(2, 9), between(2, 9), between(1, 4)), scale(), zeroPoint());
            for (int n = between(1, 3); n > 0; n--) {
                switch (random.nextInt(4)) {
                    case 0 -> conv();
                    case 1 -> depthwise();
                    case 2 -> pool(OpKind.MAX_POOL_2D);
                    default -> pool(OpKind.AVERAGE_POOL_2D);
                }
            }
            if (random.nextBoolean()) {
                reshape();
            } else if (random.nextBoolean()) {
                mean();
            }
        } else {
            tensor(Shape.of(between(1, 40)), scale(), zeroPoint());
        }
        int last = tensors.size() - 1;
        if (tensors.get(last).shape().rank() == 1 || random.nextBoolean()) {
            for (int n = between(1, 2); n > 0; n--) {
                dense();
            }
        }
        if (random.nextInt(3) > 0) {
            softmax();
        }
        return new Graph(tensors, ops, 0, tensors.size() - 1);
    }

    private void conv() {
        TensorSpec in = current();
        int outC = between(1, 6);
        Sliding s = sliding(in);
        Window w = s.window();
        TensorSpec out = tensor(s.output(outC), scale(), zeroPoint());
        weighted(OpKind.CONV_2D, w, outC * w.kernelH() * w.kernelW() * in.shape().dim(2), outC, out);
    }

    private void depthwise() {
        TensorSpec in = current();
        int c = in.shape().dim(2);
        Sliding s = sliding(in);
        TensorSpec out = tensor(s.output(c), scale(), zeroPoint());
        weighted(OpKind.DEPTHWISE_CONV_2D, s.window(), s.window().kernelH() * s.window().kernelW() * c, c, out);
    }

    private void dense() {
        TensorSpec out = tensor(Shape.of(between(1, 12)), scale(), zeroPoint());
        int in = tensors.get(tensors.size() - 2).bytes();
        weighted(OpKind.FULLY_CONNECTED, Window.NONE, in * out.bytes(), out.bytes(), out);
    }

    private void pool(OpKind kind) {
        TensorSpec in = current();
        Sliding s = sliding(in);
        tensor(s.output(in.shape().dim(2)), in.scale(), in.zeroPoint());   // pools keep quantization
        int[] range = activation(in);
        add(kind, s.window(), new byte[0], new int[0], new int[0], new int[0], range[0], range[1], 0);
    }

    private void reshape() {
        TensorSpec in = current();
        tensor(Shape.of(in.bytes()), in.scale(), in.zeroPoint());
        add(OpKind.RESHAPE, Window.NONE, new byte[0], new int[0], new int[0], new int[0], -128, 127, 0);
    }

    /** MEAN over height and width, its own scale and zero point, as GlobalAveragePooling2D gives. */
    private void mean() {
        TensorSpec in = current();
        TensorSpec out = tensor(Shape.of(in.shape().dim(2)), scale(), zeroPoint());
        Int8Params p = OpKind.MEAN.kernel().prepare(
                new Op(OpKind.MEAN, "mean", 0, 1, Window.NONE, FusedActivation.NONE, Int8Params.NONE), in, out);
        add(OpKind.MEAN, Window.NONE, new byte[0], new int[0], p.multipliers(), p.shifts(), -128, 127, 0);
    }

    private void softmax() {
        TensorSpec in = current();
        tensor(in.shape(), 1f / 256, -128);
        SoftmaxScaling s = SoftmaxScaling.of(in.scale(), random.nextBoolean() ? 1f : 0.5f + random.nextFloat());
        add(OpKind.SOFTMAX, Window.NONE, new byte[0], new int[0], new int[] {s.inputMultiplier()},
                new int[] {s.inputLeftShift()}, -128, 127, s.diffMin());
    }

    private void weighted(OpKind kind, Window w, int weightCount, int channels, TensorSpec out) {
        byte[] weights = new byte[weightCount];
        random.nextBytes(weights);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weights[i] == -128 ? -127 : weights[i];   // symmetric int8 weights, as the quantizer gives
        }
        int[] bias = new int[random.nextInt(4) == 0 ? 0 : channels];
        for (int c = 0; c < bias.length; c++) {
            bias[c] = random.nextInt(1 << 16) - (1 << 15);
        }
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        for (int c = 0; c < channels; c++) {
            multipliers[c] = (1 << 30) + random.nextInt(1 << 30);   // QuantizeMultiplier's range: [2^30, 2^31)
            shifts[c] = random.nextInt(10) == 0 ? between(-31, 2) : between(-14, -4);
        }
        int[] range = activation(out);
        add(kind, w, weights, bias, multipliers, shifts, range[0], range[1], 0);
    }

    /** None, ReLU, ReLU6 or an arbitrary clamp, in the output's int8 units. */
    private int[] activation(TensorSpec out) {
        int zp = out.zeroPoint();
        return switch (random.nextInt(4)) {
            case 0 -> new int[] {-128, 127};
            case 1 -> new int[] {zp, 127};
            case 2 -> new int[] {zp, Math.min(127, TflmParams.quantize(6f, out.scale(), zp))};
            default -> {
                int lo = between(-128, 100);
                yield new int[] {lo, between(lo, 127)};
            }
        };
    }

    /** A window with SAME or VALID padding, and the output size it gives. */
    private record Sliding(Window window, int outH, int outW) {
        Shape output(int channels) {
            return Shape.of(outH, outW, channels);
        }
    }

    private Sliding sliding(TensorSpec in) {
        int h = in.shape().dim(0);
        int w = in.shape().dim(1);
        int kh = between(1, Math.min(3, h));
        int kw = between(1, Math.min(3, w));
        int sh = between(1, 2);
        int sw = between(1, 2);
        if (random.nextBoolean()) {
            return new Sliding(new Window(kh, kw, sh, sw, 0, 0), (h - kh) / sh + 1, (w - kw) / sw + 1);
        }
        int oh = (h + sh - 1) / sh;
        int ow = (w + sw - 1) / sw;
        return new Sliding(new Window(kh, kw, sh, sw, TflmParams.samePadding(sh, h, kh, oh),
                TflmParams.samePadding(sw, w, kw, ow)), oh, ow);
    }

    private TensorSpec current() {
        return tensors.get(tensors.size() - 1);
    }

    private TensorSpec tensor(Shape shape, float scale, int zeroPoint) {
        TensorSpec t = new TensorSpec("t" + tensors.size(), shape, scale, zeroPoint);
        tensors.add(t);
        return t;
    }

    private void add(OpKind kind, Window w, byte[] weights, int[] bias, int[] multipliers, int[] shifts,
                     int actMin, int actMax, int diffMin) {
        int out = tensors.size() - 1;
        ops.add(new Op(kind, kind.name().toLowerCase() + out, out - 1, out, w, weights, bias, multipliers, shifts,
                actMin, actMax, diffMin));
    }

    private float scale() {
        return 0.005f + random.nextFloat() * 0.2f;
    }

    private int zeroPoint() {
        return between(-128, 127);
    }

    private int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }
}
