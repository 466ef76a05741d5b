package io.tinymlaas.magics;

import io.tinymlaas.Session;
import io.tinymlaas.target.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetMagicTest {
    private final Session session = new Session();
    private final TargetMagic magic = new TargetMagic(session);
    private final FakeContext context = new FakeContext();

    @Test
    void aloneShowsTheCurrentTargetAsACard() {
        Object shown = magic.run("", context);
        assertSame(session.target(), shown);
        assertEquals(Session.DEFAULT_TARGET, session.target().name());
        assertTrue(((Target) shown).toHtml().contains("Xtensa LX6"));
    }

    @Test
    void setsTheSessionTarget() {
        Object shown = magic.run("  nrf52840 ", context);
        assertEquals("nrf52840", session.target().name());
        assertSame(session.target(), shown);
    }

    @Test
    void unknownNameListsTheKnownOnesAndKeepsTheTarget() {
        var e = assertThrows(IllegalArgumentException.class, () -> magic.run("esp64", context));
        assertTrue(e.getMessage().contains("'esp64'") && e.getMessage().contains("arduino-uno"), e.getMessage());
        assertEquals("esp32", session.target().name());
    }

    @Test
    void completesBoardNames() {
        assertEquals(List.of("esp32", "esp32-s3"), magic.complete("esp", context));
        assertEquals(List.of("qemu-m4"), magic.complete("Q", context));
        assertEquals(Target.names(), magic.complete("", context));
    }

    @Test
    void isFoundByTheServiceLoader() {
        List<String> names = ServiceLoader.load(Magic.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.containsAll(List.of("target", "size")), names.toString());
    }
}
