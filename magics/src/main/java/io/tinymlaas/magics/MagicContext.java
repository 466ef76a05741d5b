package io.tinymlaas.magics;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The notebook a magic runs in, as the kernel hands it over (as jjava hands a magic its kernel):
 * its variables (read and set), its output (display, update in place), the ■ button, the
 * notebook's state and the other magics. Calls come on the thread that runs the cell.
 */
public interface MagicContext {

    /** The current value of a notebook variable (empty if there is none, or it holds null). */
    Optional<Object> variable(String name);

    /**
     * Names of the notebook's variables in the order they were last declared or assigned, the
     * most recent last (so {@code q = other} moves {@code q} to the end).
     */
    List<String> variableNames();

    /**
     * The value of the variable that most recently received a {@code type}, e.g. the last
     * quantized model: {@code context.latest(QuantizedModel.class)}.
     */
    default <T> Optional<T> latest(Class<T> type) {
        List<String> names = variableNames();
        for (int i = names.size() - 1; i >= 0; i--) {
            Optional<T> value = variable(names.get(i)).filter(type::isInstance).map(type::cast);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * Declares (or redeclares) the notebook variable {@code name} holding {@code value}; the next
     * cells use it like any other. Its type is the value's class, or its nearest public supertype.
     *
     * @throws IllegalArgumentException if {@code name} is not a Java identifier
     */
    void setVariable(String name, Object value);

    /** Shows {@code value} now in the cell's output, as a cell's value shows; returns its display id. */
    String display(Object value);

    /** Replaces what {@link #display} showed under {@code displayId} (e.g. a live view). */
    void updateDisplay(String displayId, Object value);

    /**
     * True once the user pressed ■ (interrupt) while this magic runs. A magic that runs long asks
     * between its steps and ends early; the kernel waits a moment for it before giving up on it.
     */
    boolean interrupted();

    /**
     * Runs {@code action} when ■ is pressed while this magic runs (on another thread; at once if
     * it already was), e.g. to close a port the magic is blocked reading.
     */
    void onInterrupt(Runnable action);

    /** What this notebook has chosen: its target and its open device. */
    NotebookState state();

    /** The magics this notebook has, by name. */
    List<Magic> magics();

    /**
     * Adds a jar or a class folder to the notebook's class path: the next cells compile and run
     * against it. False if this notebook had added it before.
     */
    boolean addToClasspath(Path jarOrFolder);

    /** What this notebook added to its class path, in the order it was added. */
    List<Path> classpath();

    /** Signature and javadoc of a class, method or variable as the notebook sees it, as plain text. */
    Optional<String> documentation(String symbol);
}
