package io.tinymlaas.kernel.io;

/**
 * A cell read System.in where nobody can answer: the front end said {@code allow_stdin: false}
 * (nbclient, nbconvert) or no cell is running. Unchecked, so that Scanner does not turn it into
 * a bare "No line found".
 */
public final class InputUnavailableException extends IllegalStateException {

    public InputUnavailableException(String message) {
        super(message);
    }
}
