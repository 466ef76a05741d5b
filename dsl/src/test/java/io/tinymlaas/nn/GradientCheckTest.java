package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every layer's backward pass against central finite differences of the loss. Each layer under
 * test sits between trainable layers, so both its input gradient and (when it has them) its
 * parameter gradients are checked through the parameters' gradients.
 */
class GradientCheckTest {
    private static final int SAMPLES = 3;

    @Test
    void dense() {
        check(Shape.of(5), m -> m.dense(4).dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void relu() {
        check(Shape.of(6), m -> m.dense(8).relu().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void relu6() {
        check(Shape.of(6), m -> m.dense(8).relu6().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void softmaxInsideAndCrossEntropyOnSoftmax() {
        check(Shape.of(4), m -> m.dense(5).softmax().dense(3).softmax(), Loss.CROSS_ENTROPY);
    }

    @Test
    void meanSquaredError() {
        check(Shape.of(3), m -> m.dense(6).relu().dense(2), Loss.MEAN_SQUARED_ERROR);
    }

    @Test
    void conv2dValid() {
        check(Shape.of(6, 5, 2), m -> m.conv2d(3, 3).conv2d(2, 2).flatten().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void conv2dSameStrided() {
        check(Shape.of(7, 6, 2), m -> m.conv2d(3, 3, 2, Padding.SAME).conv2d(2, 3, 1, Padding.SAME).flatten().dense(3),
                Loss.CROSS_ENTROPY);
    }

    @Test
    void globalAvgPool() {
        check(Shape.of(4, 3, 2), m -> m.conv2d(3, 2).globalAvgPool().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void conv2dPointwise() {
        check(Shape.of(4, 4, 3), m -> m.conv2d(4, 3).conv2d(2, 1).flatten().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void depthwiseConv2d() {
        check(Shape.of(6, 6, 2), m -> m.conv2d(3, 1).depthwiseConv2d(3, 2, Padding.SAME).depthwiseConv2d(2)
                .flatten().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void maxPool() {
        check(Shape.of(6, 6, 1), m -> m.conv2d(2, 3).maxPool(2).flatten().dense(3), Loss.CROSS_ENTROPY);
        check(Shape.of(8, 8, 1), m -> m.conv2d(2, 2).maxPool(3, 2, Padding.SAME).flatten().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void avgPool() {
        check(Shape.of(6, 6, 1), m -> m.conv2d(2, 3).avgPool(2).flatten().dense(3), Loss.CROSS_ENTROPY);
        check(Shape.of(7, 7, 1), m -> m.conv2d(2, 2).avgPool(3, 2, Padding.SAME).flatten().dense(3), Loss.CROSS_ENTROPY);
    }

    @Test
    void dropoutScalesKeptValuesAndRoutesGradientsThroughThem() {
        Dropout d = new Dropout("dropout", Shape.of(1000), 0.25f);
        Layer.Scratch s = new Layer.Scratch(d.scratchFloats(1), 0, new SplittableRandom(1));
        float[] x = new float[1000];
        java.util.Arrays.fill(x, 2f);
        float[] y = new float[1000];
        d.forward(x, y, 1, s, true);
        int dropped = 0;
        for (float v : y) {
            assertTrue(v == 0f || Math.abs(v - 2f / 0.75f) < 1e-6, "value " + v);
            dropped += v == 0f ? 1 : 0;
        }
        assertTrue(dropped > 200 && dropped < 300, "dropped " + dropped + " of 1000 at rate 0.25");
        float[] dy = new float[1000];
        java.util.Arrays.fill(dy, 1f);
        float[] dx = new float[1000];
        d.backward(x, y, dy, dx, null, 1, s);
        for (int i = 0; i < 1000; i++) {
            assertEquals(y[i] / 2f, dx[i], 1e-6);
        }
        d.forward(x, y, 1, s, false);
        assertEquals(2f, y[17]);
    }

    /** Builds the model, then compares analytic and numeric gradients of every parameter. */
    private static void check(Shape input, UnaryOperator<Model> layers, Loss loss) {
        Model model = layers.apply(Model.sequential(input).seed(7));
        Network net = model.network();
        SplittableRandom rng = new SplittableRandom(3);
        int outSize = model.outputShape().size();
        Workspace ws = net.workspace(SAMPLES, outSize, outSize, rng);
        for (int i = 0; i < ws.input().length; i++) {
            ws.input()[i] = (float) rng.nextDouble(-1, 1);
        }
        for (int s = 0; s < SAMPLES; s++) {
            ws.labels[s] = rng.nextInt(outSize);
        }
        for (int i = 0; i < ws.targets.length; i++) {
            ws.targets[i] = (float) rng.nextDouble(-1, 1);
        }
        double base = loss(net, ws, loss);
        assertTrue(Double.isFinite(base));
        java.util.Arrays.fill(ws.paramGrad, Float.NaN); // backward must write every gradient
        ws.loss = 0;
        net.forward(ws, SAMPLES, false);
        loss.apply(ws, SAMPLES, net.endsWithSoftmax, net.lossGradient(ws, loss), SAMPLES, false);
        net.backward(ws, SAMPLES, loss);
        float[] analytic = ws.paramGrad.clone();
        float[] p = net.params;
        double eps = 1e-3;
        int checked = 0;
        for (int i = 0; i < p.length; i++) {
            float keep = p[i];
            p[i] = (float) (keep + eps);
            double plus = loss(net, ws, loss);
            p[i] = (float) (keep - eps);
            double minus = loss(net, ws, loss);
            p[i] = keep;
            double numeric = (plus - minus) / (2 * eps);
            double tolerance = 2e-3 + 2e-2 * Math.abs(numeric);
            assertEquals(numeric, analytic[i], tolerance, "parameter " + i + " of " + p.length + " in " + model);
            checked++;
        }
        assertEquals(model.params(), checked);
    }

    private static double loss(Network net, Workspace ws, Loss loss) {
        ws.loss = 0;
        net.forward(ws, SAMPLES, false);
        loss.apply(ws, SAMPLES, net.endsWithSoftmax, null, SAMPLES, false);
        return ws.loss / SAMPLES;
    }
}
