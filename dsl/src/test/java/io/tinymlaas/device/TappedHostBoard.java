package io.tinymlaas.device;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The host board with a tap on its port: the tap hears the code of every request going out and may
 * spoil the next bytes coming in, or kill the board, to test how the Java side copes.
 */
final class TappedHostBoard extends ForwardingBoard {
    private final HostBoard host;
    private IntConsumer onRequest = code -> { };
    private boolean spoilNextRead;

    TappedHostBoard() {
        this(HostBoard.start());
    }

    private TappedHostBoard(HostBoard host) {
        super(host);
        this.host = host;
    }

    /** Called with each request's code just before it is written. */
    void onRequest(IntConsumer listener) {
        onRequest = listener;
    }

    /** Flips a bit in the next bytes read, so that the answer in them arrives corrupt. */
    void spoilNextRead() {
        spoilNextRead = true;
    }

    HostBoard host() {
        return host;
    }

    @Override
    int read(Port port, byte[] buffer, int timeoutMillis) {
        int n = port.read(buffer, timeoutMillis);
        if (n > 0 && spoilNextRead) {
            spoilNextRead = false;
            buffer[n / 2] ^= 0x20;
        }
        return n;
    }

    @Override
    void write(Port port, byte[] bytes) {
        if (bytes.length > 2 && bytes[0] == 0) {   // a request: 0x00, the frame, 0x00
            onRequest.accept(FrameCodec.decode(Arrays.copyOfRange(bytes, 1, bytes.length - 1), bytes.length - 2).code());
        }
        port.write(bytes);
    }
}
