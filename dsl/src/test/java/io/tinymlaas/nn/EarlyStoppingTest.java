package io.tinymlaas.nn;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Datasets;
import io.tinymlaas.data.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EarlyStopping on the TinyML "hello world" (sin x with noise): it stops, and it restores. */
class EarlyStoppingTest {
    private static final int EPOCHS = 200;
    private static final int PATIENCE = 10;
    private static final Dataset DATA = Datasets.sine(2000, 5);

    private record Run(Model model, History history) {
    }

    /** Up to 200 epochs of a 16-16 MLP on sin x, validated on the held-out part. */
    private static Run fit(EarlyStopping early) {
        var model = Model.sequential(Shape.of(1)).dense(16).relu().dense(16).relu().dense(1);
        History h = model.fit(DATA.train(), Fit.epochs(EPOCHS).batch(16).adam(0.01).seed(2).threads(1)
                .validation(DATA.test()).progress(false).listener(early));
        return new Run(model, h);
    }

    @Test
    void stopsWhenValidationLossStallsAndRestoresTheBestEpoch() {
        var early = EarlyStopping.monitor("val_loss").patience(PATIENCE).minDelta(1e-4).restoreBestWeights();
        Run run = fit(early);
        History h = run.history();

        assertTrue(h.stopped(), "stopped before epoch " + EPOCHS);
        int best = early.bestEpoch();
        assertEquals(best + PATIENCE, h.epochs(), PATIENCE + " epochs without improvement after the best, then the end");
        assertTrue(h.stopReason().orElseThrow().startsWith("early stopping after epoch " + h.epochs()
                + ": val_loss has not improved by more than 1.0E-4 for " + PATIENCE + " epochs"), h.stopReason().orElseThrow());
        for (int e = best + 1; e <= h.epochs(); e++) {
            assertTrue(h.validationLoss(e) > h.validationLoss(best) - 1e-4, "epoch " + e + " did not improve");
        }
        // the model ends with the weights of its best epoch, not its last
        double restored = run.model().evaluate(DATA.test()).loss();
        assertEquals(h.validationLoss(best), restored, 1e-6);
        assertTrue(Math.abs(h.validationLoss(h.epochs()) - restored) > 1e-7, "the last epoch's weights are gone");
        assertTrue(restored < h.validationLoss(1) / 2, "it learned: validation MSE " + restored + "\n" + h);
    }

    @Test
    void withoutRestoringTheModelKeepsItsLastWeights() {
        Run run = fit(EarlyStopping.monitor("val_loss").patience(PATIENCE).minDelta(1e-4));
        assertTrue(run.history().stopped());
        assertEquals(run.history().validationLoss(run.history().epochs()), run.model().evaluate(DATA.test()).loss(), 1e-6);
    }

    @Test
    void saysWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.monitor("val_acc"));
        assertEquals("cannot monitor 'val_acc': use val_loss, val_accuracy, loss or accuracy", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.monitor("loss").patience(-1));
        var model = Model.sequential(Shape.of(1)).dense(4).dense(1);
        var noValidation = assertThrows(IllegalStateException.class, () -> model.fit(Datasets.sine(64, 1),
                Fit.epochs(2).progress(false).listener(EarlyStopping.monitor("val_loss"))));
        assertTrue(noValidation.getMessage().contains("add validation data"), noValidation.getMessage());
    }
}
