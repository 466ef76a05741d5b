package io.tinymlaas.tflite;

/**
 * A .tflite file that cannot be read as an int8 model of ours: not a TFLite flatbuffer, damaged or
 * truncated, a float model, or an op, type or option we do not run. The message names the value
 * (op and its index, tensor and its name) and, where there is one, the fix. The only exception
 * {@link TfliteReader} throws for any bytes it is given.
 */
public final class TfliteFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TfliteFormatException(String message) {
        super(message);
    }

    public TfliteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
