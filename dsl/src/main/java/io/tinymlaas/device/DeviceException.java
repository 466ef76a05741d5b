package io.tinymlaas.device;

/** A board did not answer as the protocol says: it vanished, timed out, or rejected a request. */
public class DeviceException extends RuntimeException {
    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
