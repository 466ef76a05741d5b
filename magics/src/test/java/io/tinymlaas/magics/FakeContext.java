package io.tinymlaas.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** A notebook's variables (most recently set last) and state, without a notebook. */
final class FakeContext implements MagicContext {
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final NotebookState state;
    final List<Object> shown = new ArrayList<>();
    private final Set<Path> classpath = new LinkedHashSet<>();

    FakeContext() {
        this(new NotebookState());
    }

    FakeContext(NotebookState state) {
        this.state = state;
    }

    FakeContext with(String name, Object value) {
        setVariable(name, value);
        return this;
    }

    @Override
    public Optional<Object> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public List<String> variableNames() {
        return new ArrayList<>(variables.keySet());
    }

    @Override
    public void setVariable(String name, Object value) {
        variables.remove(name);
        variables.put(name, value);
    }

    @Override
    public String display(Object value) {
        shown.add(value);
        return "display-" + shown.size();
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        shown.set(Integer.parseInt(displayId.substring("display-".length())) - 1, value);
    }

    @Override
    public boolean interrupted() {
        return false;
    }

    @Override
    public void onInterrupt(Runnable action) {
    }

    @Override
    public NotebookState state() {
        return state;
    }

    @Override
    public List<Magic> magics() {
        return ServiceLoader.load(Magic.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Override
    public boolean addToClasspath(Path jarOrFolder) {
        return classpath.add(jarOrFolder);
    }

    @Override
    public List<Path> classpath() {
        return List.copyOf(classpath);
    }

    @Override
    public Optional<String> documentation(String symbol) {
        return Optional.empty();
    }
}
