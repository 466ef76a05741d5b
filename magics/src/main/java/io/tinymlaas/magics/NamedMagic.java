package io.tinymlaas.magics;

/**
 * A magic declared by its usage line, given once to the constructor: the line starts with the
 * magic's name ({@code "%doc SYMBOL  signature and javadoc…"} is {@code %doc}), so each magic's
 * class holds only what it does.
 */
public abstract class NamedMagic implements Magic {

    private final String usage;

    /** @param usage what %lsmagic and errors show: {@code %name ARGUMENTS  what it does} */
    protected NamedMagic(String usage) {
        if (!usage.matches("%\\w+(\\s.*)?")) {
            throw new IllegalArgumentException("a usage line starts with %name, not '" + usage + "'");
        }
        this.usage = usage;
    }

    @Override
    public final String name() {
        return usage.substring(1).split("\\s", 2)[0];
    }

    @Override
    public final String usage() {
        return usage;
    }
}
