package io.tinymlaas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The emulated Cortex-M4 built with the portable C kernels ({@code make mps2-portable}), one for the
 * whole class: the same bytes as the Java reference, as the DSP kernels of {@link QemuBoardTest} give.
 */
class QemuPortableBoardTest extends EmulatedBoardTest {

    QemuPortableBoardTest() {
        super("qemu-m4-portable", DeviceTime.Unit.INSTRUCTIONS, 203, 15);   // QEMU is slow: fewer graphs
    }

    @Override
    void assertOwnInfo(DeviceInfo info) {
        assertEquals(25_000_000, info.clockHz());
    }
}
