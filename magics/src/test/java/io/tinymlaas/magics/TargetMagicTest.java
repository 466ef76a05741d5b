package io.tinymlaas.magics;

import io.tinymlaas.target.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetMagicTest {
    private final TargetMagic magic = new TargetMagic();
    private final FakeContext context = new FakeContext();
    private final NotebookState state = context.state();

    @Test
    void aloneShowsTheCurrentTargetAsACard() {
        Object shown = magic.run("", context);
        assertSame(state.target(), shown);
        assertEquals(NotebookState.DEFAULT_TARGET, state.target().name());
        assertTrue(((Target) shown).toHtml().contains("Xtensa LX6"));
    }

    @Test
    void setsTheNotebookTarget() {
        Object shown = magic.run("  nrf52840 ", context);
        assertEquals("nrf52840", state.target().name());
        assertSame(state.target(), shown);
    }

    @Test
    void unknownNameListsTheKnownOnesAndKeepsTheTarget() {
        var e = assertThrows(IllegalArgumentException.class, () -> magic.run("esp64", context));
        assertTrue(e.getMessage().contains("'esp64'") && e.getMessage().contains("arduino-uno"), e.getMessage());
        assertEquals("esp32", state.target().name());
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
        assertTrue(names.containsAll(List.of("target", "size", "lsmagic", "doc")), names.toString());
    }
}
