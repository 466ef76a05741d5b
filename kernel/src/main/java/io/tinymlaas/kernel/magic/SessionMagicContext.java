package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.display.Notebook;
import io.tinymlaas.kernel.eval.JShellSession;
import io.tinymlaas.kernel.interrupt.Interrupts;
import io.tinymlaas.magics.Magic;
import io.tinymlaas.magics.MagicContext;
import io.tinymlaas.magics.NotebookState;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A magic's view of the notebook: the JShell session's variables as real objects, the cell's
 * displays, the ■ button (through the watch of the magic that runs), the notebook's state.
 */
public final class SessionMagicContext implements MagicContext {

    private final JShellSession session;
    private final AssignmentOrder order;
    private final MagicCatalog catalog;
    private final NotebookState state;
    private final Function<String, Optional<String>> documentation;
    private volatile Interrupts.Watch running;
    private final Set<Path> classpath = new LinkedHashSet<>();

    /** @param documentation signature and javadoc of a symbol, as Shift-Tab shows them */
    public SessionMagicContext(JShellSession session, MagicCatalog catalog, NotebookState state,
                               Function<String, Optional<String>> documentation) {
        this.session = session;
        this.order = new AssignmentOrder(session);
        this.catalog = catalog;
        this.state = state;
        this.documentation = documentation;
    }

    /** The watch of the magic now running (null between magics): what {@link #interrupted} reads. */
    void running(Interrupts.Watch watch) {
        this.running = watch;
    }

    @Override
    public Optional<Object> variable(String name) {
        return session.value(name);
    }

    @Override
    public List<String> variableNames() {
        return order.sort(session.variableNames());
    }

    @Override
    public void setVariable(String name, Object value) {
        VariableHandoff.declare(session, name, value);
    }

    @Override
    public String display(Object value) {
        return Notebook.display(value, null);
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        Notebook.updateDisplay(displayId, value);
    }

    @Override
    public boolean interrupted() {
        Interrupts.Watch watch = running;
        return watch != null && watch.requested();
    }

    @Override
    public void onInterrupt(Runnable action) {
        Interrupts.Watch watch = running;
        if (watch != null) {
            watch.onRequest(action);
        }
    }

    @Override
    public NotebookState state() {
        return state;
    }

    @Override
    public List<Magic> magics() {
        return catalog.magics();
    }

    @Override
    public boolean addToClasspath(Path jarOrFolder) {
        Path path = jarOrFolder.toAbsolutePath().normalize();
        if (!classpath.add(path)) {
            return false;
        }
        session.addToClasspath(path);
        return true;
    }

    @Override
    public List<Path> classpath() {
        return List.copyOf(classpath);
    }

    @Override
    public Optional<String> documentation(String symbol) {
        return documentation.apply(symbol);
    }
}
