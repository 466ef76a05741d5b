package io.tinymlaas.magics;

/** {@code %lsmagic}: one usage line per magic of this notebook. */
public final class LsMagic extends NamedMagic {

    public LsMagic() {
        super("%lsmagic  list the magics");
    }

    @Override
    public Object run(String args, MagicContext context) {
        StringBuilder text = new StringBuilder("Line magics:\n");
        context.magics().forEach(magic -> text.append("  ").append(magic.usage()).append('\n'));
        return text.toString();
    }
}
