package io.tinymlaas.kernel.eval;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The notebook's JShell, running user code in this JVM (JShell's local engine) so that values are
 * real objects. It sees the kernel's class path: the DSL, Tablesaw, XChart.
 */
public final class JShellSession implements AutoCloseable {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private final CapturingExecutionControl.Provider engine = new CapturingExecutionControl.Provider();
    private final JShell shell;
    private final SnippetClassFiles classFiles;
    /** The value of the expression evaluated last, read before its temporary variable was dropped. */
    private Object temporary;

    public JShellSession(String classPath) {
        shell = JShell.builder()
                .executionEngine(engine, Map.of())
                .compilerOptions(compilerOptions())
                .build();
        if (!classPath.isBlank()) {
            shell.addToClasspath(classPath);
        }
        classFiles = SnippetClassFiles.of(shell);
    }

    /** Cells compile against the modules this JVM resolved beyond the default, such as the Vector API. */
    private static String[] compilerOptions() {
        List<String> options = new ArrayList<>(List.of("-Xlint:none"));
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            options.addAll(List.of("--add-modules", VECTOR_MODULE));
        }
        return options.toArray(String[]::new);
    }

    /**
     * Evaluates one snippet. An expression's temporary variable ($1, $2…) is read and dropped at
     * once: JShell imports every live variable into each new snippet, so thousands of kept
     * temporaries made each cell slower and heavier than the one before. The class files of
     * snippets that nothing can name again are let go.
     */
    public List<SnippetEvent> eval(String source) {
        Set<String> before = classFiles.names();
        List<SnippetEvent> events = shell.eval(source);
        temporary = null;
        for (SnippetEvent event : events) {
            if (event.snippet() instanceof VarSnippet var && var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(var).isActive()) {
                temporary = event.exception() == null && shell.status(var) == Snippet.Status.VALID ? takeValue(var) : null;
                shell.drop(var);
            }
        }
        if (!events.isEmpty() && events.stream().allMatch(event -> SnippetClassFiles.unnamed(event.snippet()))) {
            classFiles.forgetAllBut(before);
        }
        return events;
    }

    /** The value of the expression evaluated last (its temporary variable is gone). */
    Object temporary() {
        return temporary;
    }

    /** Hears every snippet event of this session, as it happens (declarations, assignments, …). */
    public void onSnippetEvent(Consumer<SnippetEvent> listener) {
        shell.onSnippetEvent(listener);
    }

    public List<Diag> diagnostics(Snippet snippet) {
        return shell.diagnostics(snippet).collect(Collectors.toList());
    }

    /** The names a declaration refers to that are not defined yet. */
    List<String> unresolved(DeclarationSnippet snippet) {
        return shell.unresolvedDependencies(snippet).collect(Collectors.toList());
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** Compiles and runs a throwaway method once, so javac is loaded before the first cell. */
    public void warmUp() {
        shell.eval("void tinymlWarmUp() { }").forEach(event -> shell.drop(event.snippet()));
    }

    /**
     * Stops the running snippet or rendering, even a busy loop; called repeatedly, it leaves a
     * thread blocked in native I/O behind (see {@link CellWorker}).
     */
    /** A jar or class folder the next snippets compile and run against (%classpath, %maven). */
    public void addToClasspath(Path jarOrFolder) {
        shell.addToClasspath(jarOrFolder.toString());
    }

    public void stop() {
        engine.control().worker().stop();
    }

    /** Runs user code that is not a snippet (a value's toString) where {@link #stop()} reaches it. */
    <T> T runUserCode(Callable<T> code) throws Throwable {
        return engine.control().worker().run("cell-value", code);
    }

    public List<String> variableNames() {
        return shell.variables().map(VarSnippet::name).distinct().collect(Collectors.toList());
    }

    public Optional<VarSnippet> variableSnippet(String name) {
        return shell.variables().filter(v -> v.name().equals(name)).reduce((first, second) -> second);
    }

    /** The object a variable holds (empty if no such variable; a null value is also empty). */
    public Optional<Object> value(String name) {
        return variableSnippet(name).map(this::value);
    }

    Object value(VarSnippet snippet) {
        synchronized (engine) {
            shell.varValue(snippet);
            return engine.control().takeLastValue();
        }
    }

    /** A temporary's object, then cleared in its class, which lives on: the value is not held twice. */
    private Object takeValue(VarSnippet snippet) {
        synchronized (engine) {
            shell.varValue(snippet);
            Object value = engine.control().takeLastValue();
            engine.control().clearLastVariable();
            return value;
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
