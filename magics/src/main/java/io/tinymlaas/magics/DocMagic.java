package io.tinymlaas.magics;

/** {@code %doc SYMBOL}: the signature and javadoc of a class, method or variable, in the pager. */
public final class DocMagic extends NamedMagic {

    public DocMagic() {
        super("%doc SYMBOL  signature and javadoc of a class, method or variable");
    }

    @Override
    public Object run(String args, MagicContext context) {
        String symbol = args == null ? "" : args.strip();
        if (symbol.isEmpty()) {
            throw new IllegalArgumentException("%doc needs a symbol: try %doc String or %doc Math.max");
        }
        return context.documentation(symbol).map(Page::new).orElseThrow(() -> new IllegalArgumentException(
                "no documentation found for " + symbol + ": check the spelling, or import its package first"));
    }
}
