package io.tinymlaas.kernel.magic;

import io.tinymlaas.magics.MagicContext;
import io.tinymlaas.magics.NamedMagic;

import java.util.ArrayList;
import java.util.List;

/** A test magic: {@code %set NAME WORDS…} declares NAME holding a list of the words. */
public final class SetVariableMagic extends NamedMagic {

    public SetVariableMagic() {
        super("%set NAME WORDS…  declare NAME holding the words");
    }

    @Override
    public Object run(String args, MagicContext context) {
        String[] words = args.split(" ");
        context.setVariable(words[0], new ArrayList<>(List.of(words).subList(1, words.length)));
        return null;
    }
}
