package io.tinymlaas.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Listeners that every {@code fit} gets without asking: a notebook kernel registers its live
 * chart here once, and each fit then draws one (a fresh listener per fit, from the factory).
 */
public final class TrainingListeners {
    private static final List<Supplier<? extends TrainingListener>> DEFAULTS = new CopyOnWriteArrayList<>();

    private TrainingListeners() {
    }

    /** From now on every fit also reports to {@code factory.get()}. */
    public static void addDefault(Supplier<? extends TrainingListener> factory) {
        DEFAULTS.add(factory);
    }

    /** Undoes {@link #addDefault} for the same factory. */
    public static void removeDefault(Supplier<? extends TrainingListener> factory) {
        DEFAULTS.remove(factory);
    }

    static List<TrainingListener> createDefaults() {
        List<TrainingListener> listeners = new ArrayList<>();
        for (Supplier<? extends TrainingListener> f : DEFAULTS) {
            listeners.add(f.get());
        }
        return listeners;
    }
}
