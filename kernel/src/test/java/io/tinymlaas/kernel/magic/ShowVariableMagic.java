package io.tinymlaas.kernel.magic;

import io.tinymlaas.magics.MagicContext;
import io.tinymlaas.magics.NamedMagic;

import java.util.List;

/** A test magic found through META-INF/services: returns the object a variable holds. */
public final class ShowVariableMagic extends NamedMagic {

    public ShowVariableMagic() {
        super("%show VARIABLE — the variable's object");
    }

    @Override
    public Object run(String args, MagicContext context) {
        return context.variable(args).orElseThrow(() ->
                new IllegalArgumentException("no variable " + args + "; variables: " + context.variableNames()));
    }

    @Override
    public List<String> complete(String prefix, MagicContext context) {
        return context.variableNames();
    }
}
