package io.tinymlaas.device;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A {@link Port} over jSerialComm. Opens real serial ports, pseudo-terminals ({@code /dev/pts/N})
 * and symlinks to them; a pty ignores the baud rate.
 */
final class JSerialPort implements Port {
    private static final int BAUD = 115200;
    /** A real UART drains 64 bytes in ~5 ms at 115200 baud: a second without progress means nobody reads. */
    private static final int STALL_MILLIS = 1000;

    private final SerialPort port;
    private final String path;
    private int readTimeout = -1;

    private JSerialPort(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    static JSerialPort open(String path) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new DeviceException("no serial port " + path + ": check the path and that the board is plugged in;"
                    + " ports here: " + knownPorts(), e);
        }
        port.setComPortParameters(BAUD, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new DeviceException("cannot open serial port " + path + " (error " + port.getLastErrorCode()
                    + "): check the path, that no other program holds it, and that you may read it (group dialout)");
        }
        return new JSerialPort(port, path);
    }

    private static String knownPorts() {
        StringBuilder names = new StringBuilder();
        for (SerialPort p : SerialPort.getCommPorts()) {
            names.append(names.length() == 0 ? "" : ", ").append(p.getSystemPortPath());
        }
        return names.length() == 0 ? "none" : names.toString();
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) {
        if (timeoutMillis != readTimeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, Math.max(1, timeoutMillis), 0);
            readTimeout = timeoutMillis;
        }
        int n = port.readBytes(buffer, buffer.length);
        return n < 0 ? -1 : n;
    }

    @Override
    public void write(byte[] bytes) {
        int done = 0;
        long stalledSince = 0;
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n > 0) {
                done += n;
                stalledSince = 0;
                continue;
            }
            // a vanished pty either fails or takes nothing, again and again
            long now = System.nanoTime();
            stalledSince = stalledSince == 0 ? now : stalledSince;
            if (n < 0 || now - stalledSince > STALL_MILLIS * 1_000_000L) {
                throw new DeviceException("writing to " + path + " " + (n < 0 ? "failed (error " + port.getLastErrorCode() + ")"
                        : "made no progress for " + STALL_MILLIS + " ms") + ": the board is gone");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while writing to the board", e);
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
