package io.tinymlaas.device;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A {@link Port} over jSerialComm. Opens real serial ports, pseudo-terminals ({@code /dev/pts/N})
 * and symlinks to them; a pty ignores the baud rate.
 */
final class JSerialPort implements Port {
    private static final int BAUD = 115200;

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
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n < 0) {
                throw new DeviceException("writing to " + path + " failed (error " + port.getLastErrorCode() + "): the board is gone");
            }
            done += n;
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
