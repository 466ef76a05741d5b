package io.tinymlaas.magics;

import io.tinymlaas.target.Target;

import java.util.List;
import java.util.Locale;

/** {@code %target esp32} sets the board models are sized and built for; {@code %target} shows it. */
public final class TargetMagic extends NamedMagic {

    public TargetMagic() {
        super("%target [name]  set the board models are sized for (" + String.join(", ", Target.names())
                + "); alone, show the current one");
    }

    @Override
    public Object run(String args, MagicContext context) {
        String name = args == null ? "" : args.trim();
        if (!name.isEmpty()) {
            context.state().target(name);
        }
        return context.state().target();
    }

    @Override
    public List<String> complete(String prefix, MagicContext context) {
        String typed = prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT);
        return Target.names().stream().filter(n -> n.startsWith(typed)).toList();
    }
}
