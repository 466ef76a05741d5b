package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.eval.JShellSession;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import javax.lang.model.SourceVersion;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Declares a notebook variable holding an object a magic made: JShell evaluates
 * {@code Type name = (Type) VariableHandoff.take("key");} and the object passes through here
 * (JShell runs in this JVM, so it sees this class and its map).
 */
public final class VariableHandoff {

    private static final Map<String, Object> WAITING = new ConcurrentHashMap<>();

    private VariableHandoff() {
    }

    /** Called by the declaration JShell evaluates; public for that reason only. */
    public static Object take(String key) {
        return WAITING.remove(key);
    }

    static void declare(JShellSession session, String name, Object value) {
        if (!SourceVersion.isName(name) || name.contains(".")) {
            throw new IllegalArgumentException("'" + name + "' is not a Java variable name: use letters, digits and _, e.g. board");
        }
        String type = typeName(value == null ? Object.class : value.getClass());
        String key = UUID.randomUUID().toString();
        WAITING.put(key, value);
        try {
            List<SnippetEvent> events = session.eval(type + " " + name + " = (" + type + ") "
                    + VariableHandoff.class.getName() + ".take(\"" + key + "\");");
            for (SnippetEvent event : events) {
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new IllegalArgumentException("cannot declare " + name + " as " + type + ": "
                            + session.diagnostics(event.snippet()).stream().map(d -> d.getMessage(null))
                            .collect(Collectors.joining("; ")));
                }
            }
        } finally {
            WAITING.remove(key);
        }
    }

    /** The class itself when a cell can name it, else its nearest such superclass (raw type). */
    static String typeName(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (nameable(c)) {
                return c.getCanonicalName();
            }
        }
        return "Object";
    }

    private static boolean nameable(Class<?> c) {
        for (Class<?> outer = c; outer != null; outer = outer.getEnclosingClass()) {
            if (!Modifier.isPublic(outer.getModifiers())) {
                return false;
            }
        }
        return c.getCanonicalName() != null && !c.isHidden() && c.getModule().isExported(c.getPackageName());
    }
}
