package io.tinymlaas.device;

import java.util.Random;

/**
 * A board on a noisy line: a real board whose requests, a {@code rate} fraction of them, get random
 * bytes mixed into the frame on their way (the board then cannot read them and says so).
 */
final class NoisyBoard implements Board {
    private final Board board;
    private final Random random;
    private final double rate;

    NoisyBoard(Board board, long seed, double rate) {
        this.board = board;
        this.random = new Random(seed);
        this.rate = rate;
    }

    @Override
    public Port open() {
        Port port = board.open();
        return new Port() {
            @Override
            public int read(byte[] buffer, int timeoutMillis) {
                return port.read(buffer, timeoutMillis);
            }

            @Override
            public void write(byte[] bytes) {
                if (bytes.length > 4 && bytes[0] == 0 && random.nextDouble() < rate) {   // a request: 0x00, the frame, 0x00
                    byte[] noise = new byte[1 + random.nextInt(8)];
                    random.nextBytes(noise);
                    int at = 2 + random.nextInt(bytes.length - 3);
                    byte[] spoiled = new byte[bytes.length + noise.length];
                    System.arraycopy(bytes, 0, spoiled, 0, at);
                    System.arraycopy(noise, 0, spoiled, at, noise.length);
                    System.arraycopy(bytes, at, spoiled, at + noise.length, bytes.length - at);
                    port.write(spoiled);
                    return;
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
        return board.name();
    }

    @Override
    public int startMillis() {
        return board.startMillis();
    }

    @Override
    public Pace pace() {
        return board.pace();
    }

    @Override
    public String state() {
        return board.state();
    }

    @Override
    public void close() {
        board.close();
    }
}
