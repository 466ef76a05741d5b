package io.tinymlaas.device;

import java.util.Random;

/**
 * A board on a noisy line: a real board whose requests, a {@code rate} fraction of them, get random
 * bytes mixed into the frame on their way (the board then cannot read them and says so).
 */
final class NoisyBoard extends ForwardingBoard {
    private final Random random;
    private final double rate;

    NoisyBoard(Board board, long seed, double rate) {
        super(board);
        this.random = new Random(seed);
        this.rate = rate;
    }

    @Override
    void write(Port port, byte[] bytes) {
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
}
