package io.tinymlaas.kernel.magic;

import io.tinymlaas.magics.Magic;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The line magics on the class path, found by {@link ServiceLoader}, by name. */
public final class MagicCatalog {

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
        return new TreeSet<>(magics.keySet());
    }

    /** Every magic, sorted by name. */
    List<Magic> magics() {
        return List.copyOf(magics.values());
    }
}
