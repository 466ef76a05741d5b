package io.tinymlaas.device;

/**
 * A real board seen through a tap on its port: subclasses change what is read or written (spoil,
 * listen, add noise); everything else goes to the board as it is.
 */
abstract class ForwardingBoard implements Board {
    private final Board board;

    ForwardingBoard(Board board) {
        this.board = board;
    }

    /** What {@link Port#read} returns: by default what the board sent. */
    int read(Port port, byte[] buffer, int timeoutMillis) {
        return port.read(buffer, timeoutMillis);
    }

    /** What {@link Port#write} does: by default sends the bytes as they are. */
    void write(Port port, byte[] bytes) {
        port.write(bytes);
    }

    @Override
    public final Port open() {
        Port port = board.open();
        return new Port() {
            @Override
            public int read(byte[] buffer, int timeoutMillis) {
                return ForwardingBoard.this.read(port, buffer, timeoutMillis);
            }

            @Override
            public void write(byte[] bytes) {
                ForwardingBoard.this.write(port, bytes);
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
    public final String name() {
        return board.name();
    }

    @Override
    public final int startMillis() {
        return board.startMillis();
    }

    @Override
    public final Pace pace() {
        return board.pace();
    }

    @Override
    public final String state() {
        return board.state();
    }

    @Override
    public final void close() {
        board.close();
    }
}
