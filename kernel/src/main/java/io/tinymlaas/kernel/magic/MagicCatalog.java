package io.tinymlaas.kernel.magic;

import io.tinymlaas.magics.Magic;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The line magics on the class path (ServiceLoader) plus the kernel's own %lsmagic and %doc. */
public final class MagicCatalog {

    static final Map<String, String> BUILTIN = Map.of(
            "lsmagic", "%lsmagic — list the magics",
            "doc", "%doc SYMBOL — signature and javadoc of a class, method or variable");

    private final Map<String, Magic> magics = new TreeMap<>();

    public static MagicCatalog load(ClassLoader loader) {
        MagicCatalog catalog = new MagicCatalog();
        for (Magic magic : ServiceLoader.load(Magic.class, loader)) {
            catalog.magics.put(magic.name(), magic);
        }
        return catalog;
    }

    Magic find(String name) {
        return magics.get(name);
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>(magics.keySet());
        names.addAll(BUILTIN.keySet());
        return names;
    }

    /** One usage line per magic, for %lsmagic. */
    String usageList() {
        StringBuilder text = new StringBuilder("Line magics:\n");
        Map<String, String> usages = new TreeMap<>(BUILTIN);
        magics.forEach((name, magic) -> usages.put(name, magic.usage()));
        usages.forEach((name, usage) -> text.append("  %").append(name).append("  ").append(usage).append('\n'));
        return text.toString();
    }
}
