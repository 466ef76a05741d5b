package io.tinymlaas.magics;

import io.tinymlaas.Session;
import io.tinymlaas.TinyML;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the magics set and the DSL reads. */
class SessionTest {

    @Test
    void startsOnEsp32WithNothingElse() {
        Session s = new Session();
        assertEquals("esp32", s.target().name());
        assertTrue(s.lastQuantized().isEmpty());
        assertTrue(s.device().isEmpty());
    }

    @Test
    void openingADeviceClosesThePreviousOne() throws Exception {
        Session s = new Session();
        AtomicInteger closed = new AtomicInteger();
        AutoCloseable first = closed::incrementAndGet;
        AutoCloseable second = closed::incrementAndGet;
        s.device(first);
        s.device(first);
        assertEquals(0, closed.get());
        s.device(second);
        assertEquals(1, closed.get());
        assertSame(second, s.device().orElseThrow());
        s.closeDevice();
        assertEquals(2, closed.get());
        assertTrue(s.device().isEmpty());
    }

    @Test
    void facadeSetsTheSharedSessionTarget() {
        String before = TinyML.target().name();
        try {
            assertEquals("rp2040", TinyML.target("rp2040").name());
            assertSame(TinyML.session().target(), TinyML.target());
            assertThrows(IllegalArgumentException.class, () -> TinyML.target("pico"));
            assertEquals("rp2040", TinyML.target().name());
        } finally {
            TinyML.target(before);
        }
    }
}
