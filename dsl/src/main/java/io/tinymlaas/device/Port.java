package io.tinymlaas.device;

/** A byte pipe to a board: the serial port in use, or a stand-in in tests. */
interface Port extends AutoCloseable {

    /** Reads what arrives within {@code timeoutMillis}: 0 when nothing came, -1 when the device is gone. */
    int read(byte[] buffer, int timeoutMillis);

    /** Writes every byte, or throws {@link DeviceException} when the device is gone. */
    void write(byte[] bytes);

    /** The path the port was opened with, for messages. */
    String path();

    @Override
    void close();
}
