package io.tinymlaas.fleet;

/** A fleet operation that could not be done: the message says what and what to try. */
public class FleetException extends RuntimeException {
    public FleetException(String message) {
        super(message);
    }

    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
