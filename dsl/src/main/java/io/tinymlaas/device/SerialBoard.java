package io.tinymlaas.device;

/** A real board on a serial port (ESP32, nRF52, STM32…) already flashed with the TinyMLaaS firmware. */
final class SerialBoard implements Board {
    private final String path;

    SerialBoard(String path) {
        this.path = path;
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public Port open() {
        return JSerialPort.open(path);
    }

    @Override
    public int startMillis() {
        return 5000;   // many boards reset when the port opens and boot for a second or two
    }

    @Override
    public int inferMillis() {
        return 30_000;
    }

    @Override
    public String state() {
        return "";
    }

    @Override
    public void close() {
        // nothing was started here
    }
}
