package io.tinymlaas.device;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A port path opens a board that was started elsewhere, and closing the Device leaves that board running. */
class SerialBoardTest {

    @Test
    void opensAPortPathAndLeavesTheBoardRunning() {
        try (HostBoard host = HostBoard.start()) {
            try (Device device = Device.open(host.ptyPath())) {
                assertEquals(host.ptyPath(), device.name());
                assertEquals("host", device.info().board());
            }
            assertEquals("", host.state(), "the board still runs");
            try (Device again = Device.open(host.ptyPath())) {
                assertTrue(again.stats().framesOk() > 0);
            }
        }
    }
}
