package io.tinymlaas.kernel.training;

import io.tinymlaas.kernel.display.Displays;
import io.tinymlaas.kernel.interrupt.Interrupts;
import io.tinymlaas.nn.TrainingListener;
import io.tinymlaas.nn.TrainingListenerProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * What every fit in a notebook gets (found by the DSL with ServiceLoader): the live chart, and
 * the ■ button as a listener that stops the fit at its next batch. Outside a notebook (a script,
 * a test that connected no displays) it adds nothing and fit shows its text progress bar.
 */
public final class NotebookTraining implements TrainingListenerProvider {

    private static volatile Interrupts interrupts;

    /** The kernel hands over its interrupts: from now on ■ stops a running fit politely. */
    public static void connect(Interrupts kernelInterrupts) {
        interrupts = kernelInterrupts;
    }

    @Override
    public List<TrainingListener> listeners() {
        List<TrainingListener> listeners = new ArrayList<>();
        if (Displays.inNotebook()) {
            listeners.add(new LiveTrainingChart());
        }
        Interrupts connected = interrupts;
        if (connected != null) {
            listeners.add(new StopOnInterrupt(connected));
        }
        return listeners;
    }
}
