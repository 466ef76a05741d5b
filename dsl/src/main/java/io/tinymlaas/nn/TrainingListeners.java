package io.tinymlaas.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The listeners of one fit, called in order (Keras' CallbackList): the History, the fit's own,
 * those the environment provides ({@link TrainingListenerProvider}), and a text progress bar
 * unless one of them shows progress or the fit said otherwise.
 */
final class TrainingListeners implements TrainingListener {
    private final List<TrainingListener> listeners;

    private TrainingListeners(List<TrainingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    static TrainingListeners of(History history, Fit fit) {
        List<TrainingListener> all = new ArrayList<>();
        all.add(history);
        all.addAll(fit.listeners());
        for (TrainingListenerProvider provider : ServiceLoader.load(TrainingListenerProvider.class,
                TrainingListenerProvider.class.getClassLoader())) {
            all.addAll(provider.listeners());
        }
        boolean shown = all.stream().anyMatch(TrainingListener::showsProgress);
        if (fit.progress().orElse(!shown)) {
            all.add(new ProgressBar(System.err));
        }
        return new TrainingListeners(all);
    }

    @Override
    public void onTrainBegin(Training training) {
        listeners.forEach(l -> l.onTrainBegin(training));
    }

    @Override
    public void onEpochBegin(Training training, int epoch) {
        listeners.forEach(l -> l.onEpochBegin(training, epoch));
    }

    @Override
    public void onBatchBegin(Training training, int epoch, int batch) {
        listeners.forEach(l -> l.onBatchBegin(training, epoch, batch));
    }

    @Override
    public void onBatchEnd(Training training, BatchEvent event) {
        listeners.forEach(l -> l.onBatchEnd(training, event));
    }

    @Override
    public void onEpochEnd(Training training, EpochEvent event) {
        listeners.forEach(l -> l.onEpochEnd(training, event));
    }

    @Override
    public void onTrainEnd(Training training) {
        listeners.forEach(l -> l.onTrainEnd(training));
    }
}
