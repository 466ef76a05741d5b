package io.tinymlaas.device;

/** A real board on a serial port (ESP32, nRF52, STM32…) already flashed with the TinyMLaaS firmware. */
final class SerialBoard implements Board {
    /** 115200 baud moves ~11.5 KB/s; a microcontroller does a MAC in some tens of ns to a µs. */
    private static final Pace PACE = new Pace(2_000, 200, 2.0);

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
    public Pace pace() {
        return PACE;
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
