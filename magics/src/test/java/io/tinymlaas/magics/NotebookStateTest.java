package io.tinymlaas.magics;

import io.tinymlaas.device.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the magics set: the target, the open device. */
class NotebookStateTest {

    @Test
    void startsOnEsp32WithoutADevice() {
        NotebookState s = new NotebookState();
        assertEquals("esp32", s.target().name());
        assertTrue(s.device().isEmpty());
    }

    @Test
    void anUnknownTargetListsTheKnownOnesAndKeepsTheCurrentOne() {
        NotebookState s = new NotebookState().target("rp2040");
        var e = assertThrows(IllegalArgumentException.class, () -> s.target("pico"));
        assertTrue(e.getMessage().contains("'pico'") && e.getMessage().contains("esp32"), e.getMessage());
        assertEquals("rp2040", s.target().name());
    }

    @Test
    void openingADeviceClosesThePreviousBoard() {
        NotebookState s = new NotebookState();
        Device first = Device.open("host");
        Device second = Device.open("host");
        try {
            s.device(first);
            s.device(first);
            assertTrue(first.info().toString().length() > 0, "the same device stays open");
            s.device(second);
            assertSame(second, s.device().orElseThrow());
            assertThrows(RuntimeException.class, first::info, "the previous board was closed");
            s.closeDevice();
            assertTrue(s.device().isEmpty());
            assertThrows(RuntimeException.class, second::info, "closeDevice closed it");
        } finally {
            first.close();
            second.close();
        }
    }
}
