package io.tinymlaas.fleet;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import io.tinymlaas.nn.Fit;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.QuantizedModel;

/** The fleet tests' models: a small Fashion-MNIST MLP trained briefly (good), and the same untrained (bad). */
final class FleetModels {
    static final Dataset DATA = Datasets.fashionMnist();
    static final QuantizedModel GOOD = mlp(true);
    static final QuantizedModel BAD = mlp(false);

    private FleetModels() {
    }

    private static QuantizedModel mlp(boolean trained) {
        Model m = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(16).relu().dense(10).softmax();
        if (trained) {
            m.fit(DATA.train().shuffle(1).take(3000), Fit.epochs(1).batch(32).sgd(0.05, 0.9).seed(42).progress(false));
        }
        return m.quantize(DATA.train().shuffle(2).take(200));
    }

    static Dataset checks() {
        return DATA.test().take(40);
    }
}
