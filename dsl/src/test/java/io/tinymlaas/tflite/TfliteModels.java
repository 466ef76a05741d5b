package io.tinymlaas.tflite;

import io.tinymlaas.codegen.RandomGraphs;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.Window;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.ops.TflmPrepare;
import io.tinymlaas.quant.DenseWeights;
import io.tinymlaas.quant.QuantizedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The models the .tflite tests write: the README's CNN and an MLP, trained briefly on
 * Fashion-MNIST (each also with per-tensor dense weights), and random graphs whose numbers a
 * .tflite can carry — {@link RandomGraphs}' shapes, windows and weights, with random per-channel
 * or per-tensor weight scales and fused activations, their multipliers derived as TFLM derives them.
 */
final class TfliteModels {
    private static Dataset data;

    private TfliteModels() {
    }

    static synchronized Dataset fashion() {
        if (data == null) {
            data = Datasets.fashionMnist();
        }
        return data;
    }

    static QuantizedModel tutorialCnn(DenseWeights dense) {
        Model cnn = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).flatten().dense(10).softmax();
        return trained(cnn, dense);
    }

    static QuantizedModel mlp(DenseWeights dense) {
        Model mlp = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(32).relu().dense(10).softmax();
        return trained(mlp, dense);
    }

    /** Every kind of op and activation the export writes: depthwise, ReLU6, average pooling, SAME padding. */
    static QuantizedModel everyOp(DenseWeights dense) {
        Model m = Model.sequential(Shape.of(28, 28, 1)).conv2d(4, 3).relu6().depthwiseConv2d(3).relu().maxPool(2)
                .avgPool(2).flatten().dense(16).relu().dense(10).softmax();
        return trained(m, dense);
    }

    /** A small CNN ending as TinyML CNNs do: global average pooling (MEAN) before the classifier. */
    static QuantizedModel meanCnn(DenseWeights dense) {
        Model m = Model.sequential(Shape.of(28, 28, 1)).conv2d(8, 3).relu().maxPool(2).conv2d(16, 3).relu()
                .globalAvgPool().dense(10).softmax();
        return trained(m, dense);
    }

    private static QuantizedModel trained(Model model, DenseWeights dense) {
        Dataset train = fashion().train().take(1000);
        model.fit(train, Fit.epochs(1).batch(50).sgd(0.05, 0.9).seed(7).progress(false));
        return model.quantize(train.take(200), dense);
    }

    /** Test images of Fashion-MNIST as the model's int8 input bytes. */
    static List<byte[]> images(QuantizedModel q, int count) {
        List<byte[]> inputs = new ArrayList<>();
        Dataset test = fashion().test();
        for (int i = 0; i < count; i++) {
            inputs.add(q.quantizeInput(test.input(i)));
        }
        return inputs;
    }

    /** A random chain that a .tflite can hold. */
    static Graph randomGraph(Random random) {
        Graph g = RandomGraphs.chain(random);
        List<Op> ops = new ArrayList<>();
        for (Op op : g.ops()) {
            Int8Params p = op.int8();
            float[] scales = new float[0];
            FusedActivation act = FusedActivation.NONE;
            if (op.kind().isWeighted()) {
                int channels = channels(g, op);
                scales = new float[op.kind() == OpKind.FULLY_CONNECTED && random.nextBoolean() ? 1 : channels];
                for (int c = 0; c < scales.length; c++) {
                    scales[c] = 0.001f + random.nextFloat() * 0.02f;
                }
                act = FusedActivation.values()[random.nextInt(3)];
            }
            ops.add(new Op(op.kind(), op.name(), op.input(), op.output(), sameWhereItWas(g, op), act,
                    new Int8Params(p.weights(), scales, p.bias(), new int[0], new int[0], -128, 127, 0)));
        }
        return TflmPrepare.prepare(new Graph(g.tensors(), ops, g.input(), g.output()));
    }

    static byte[] randomInput(Graph g, Random random) {
        return RandomGraphs.input(g, random);
    }

    /**
     * RandomGraphs marks a window SAME only when it pads; a SAME window that pads nothing but
     * still gives the larger SAME output size (5 wide, 2×2 stride 2: 3 columns, VALID gives 2)
     * must say SAME in a .tflite, where the runtime computes the output size from it.
     */
    private static Window sameWhereItWas(Graph g, Op op) {
        Window w = op.window();
        if (w.same() || g.tensor(op.output()).shape().rank() != 3 || op.kind() == OpKind.SOFTMAX) {
            return w;
        }
        Shape in = g.tensor(op.input()).shape();
        Shape out = g.tensor(op.output()).shape();
        boolean valid = out.dim(0) == (in.dim(0) - w.kernelH()) / w.strideH() + 1
                && out.dim(1) == (in.dim(1) - w.kernelW()) / w.strideW() + 1;
        return valid ? w : new Window(w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), w.padTop(), w.padLeft(), true);
    }

    private static int channels(Graph g, Op op) {
        Shape out = g.tensor(op.output()).shape();
        return out.dim(out.rank() - 1);
    }
}
