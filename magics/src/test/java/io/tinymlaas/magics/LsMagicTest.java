package io.tinymlaas.magics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LsMagicTest {

    @Test
    void listsEveryMagicWithItsUsage() {
        String listing = (String) new LsMagic().run("", new FakeContext());
        assertTrue(listing.startsWith("Line magics:\n"), listing);
        for (String line : new String[] {"%target [name]", "%size [model]", "%lsmagic", "%doc SYMBOL"}) {
            assertTrue(listing.contains("\n  " + line), line + " in " + listing);
        }
    }

    @Test
    void docWithoutASymbolSaysWhatToType() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DocMagic().run(" ", new FakeContext()));
        assertEquals("%doc needs a symbol: try %doc String or %doc Math.max", e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> new DocMagic().run("Nosuch", new FakeContext()));
        assertTrue(none.getMessage().startsWith("no documentation found for Nosuch"), none.getMessage());
    }

    @Test
    void aMagicIsNamedByTheFirstWordOfItsUsageLine() {
        assertEquals("lsmagic", new LsMagic().name());
        assertEquals("deploy", new DeployMagic().name());
        var e = assertThrows(IllegalArgumentException.class, () -> new NamedMagic("doc SYMBOL  no percent sign") {
            @Override
            public Object run(String args, MagicContext context) {
                return null;
            }
        });
        assertEquals("a usage line starts with %name, not 'doc SYMBOL  no percent sign'", e.getMessage());
    }
}
