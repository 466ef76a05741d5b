package io.tinymlaas.device;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The host board with a tap on its port: the tap hears the code of every request going out and may
 * spoil the next bytes coming in, or kill the board, to test how the Java side copes.
 */
final class TappedHostBoard implements Board {
    private final HostBoard host = HostBoard.start();
    private IntConsumer onRequest = code -> { };
    private boolean spoilNextRead;

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
    public Port open() {
        Port port = host.open();
        return new Port() {
            @Override
            public int read(byte[] buffer, int timeoutMillis) {
                int n = port.read(buffer, timeoutMillis);
                if (n > 0 && spoilNextRead) {
                    spoilNextRead = false;
                    buffer[n / 2] ^= 0x20;
                }
                return n;
            }

            @Override
            public void write(byte[] bytes) {
                if (bytes.length > 2 && bytes[0] == 0) {   // a request: 0x00, the frame, 0x00
                    onRequest.accept(FrameCodec.decode(Arrays.copyOfRange(bytes, 1, bytes.length - 1), bytes.length - 2).code());
                }
                port.write(bytes);
            }

            @Override
            public String path() {
                return port.path();
            }

            @Override
            public void close() {
                port.close();
            }
        };
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public int startMillis() {
        return host.startMillis();
    }

    @Override
    public Pace pace() {
        return host.pace();
    }

    @Override
    public String state() {
        return host.state();
    }

    @Override
    public void close() {
        host.close();
    }
}
