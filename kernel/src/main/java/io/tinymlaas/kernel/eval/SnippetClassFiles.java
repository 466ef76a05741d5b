package io.tinymlaas.kernel.eval;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The class files JShell keeps in memory for compiling later snippets. javac lists all of them at
 * every compile, so thousands of cells made each one slower than the last. The classes of
 * statements and expressions (and of the temporaries {@link JShellSession} drops) can never be
 * referred to again: their files are let go. This reaches into JShell's file manager (the jar's
 * manifest opens {@code jdk.jshell}); where it cannot, nothing is let go and cells still run.
 */
final class SnippetClassFiles {

    private static final Logger LOG = Logger.getLogger(SnippetClassFiles.class.getName());

    /** JShell's map from class name to class file; null where it could not be reached. */
    private final Map<String, ?> files;

    private SnippetClassFiles(Map<String, ?> files) {
        this.files = files;
    }

    static SnippetClassFiles of(JShell shell) {
        try {
            Object taskFactory = field(shell, "taskFactory");
            Object fileManager = field(taskFactory, "fileManager");
            return new SnippetClassFiles((Map<String, ?>) field(fileManager, "classObjects"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine("JShell's class files stay in memory: " + e);
            return new SnippetClassFiles(null);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    /** The names of the class files there are now. */
    Set<String> names() {
        return files == null ? Set.of() : new TreeSet<>(files.keySet());
    }

    /** True for a snippet that no later snippet can name: a statement, an expression, a temporary. */
    static boolean unnamed(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.STATEMENT || snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /** Lets go of the class files added since {@code before}. */
    void forgetAllBut(Set<String> before) {
        if (files != null) {
            files.keySet().removeIf(name -> !before.contains(name));
        }
    }
}
