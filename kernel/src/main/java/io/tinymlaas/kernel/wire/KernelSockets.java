package io.tinymlaas.kernel.wire;

import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;

/**
 * The five sockets of a connection file. Heartbeat is jjava's echo loop; shell and control are
 * read by our own {@link RequestLoop}s (jjava's loop dies on a bad signature and sleeps 50 ms per
 * poll); iopub sends are serialized because cells publish from many threads.
 */
public final class KernelSockets implements AutoCloseable {

    private final ZMQ.Context context = ZMQ.context(1);
    private final WireCodec codec;
    private final HeartbeatChannel heartbeat;
    private final ZMQ.Socket iopub;
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    private final String session = java.util.UUID.randomUUID().toString();

    public KernelSockets(KernelConnectionProperties props) throws Exception {
        HMACGenerator hmac = props.createHMACGenerator();
        codec = new WireCodec(hmac);
        heartbeat = new HeartbeatChannel(context, hmac, 20);
        heartbeat.bind(props);
        iopub = bind(SocketType.PUB, props, props.getIopubPort());
        shell = bind(SocketType.ROUTER, props, props.getShellPort());
        control = bind(SocketType.ROUTER, props, props.getControlPort());
        // stdin is bound so clients can connect; input requests are not offered yet.
        bind(SocketType.ROUTER, props, props.getStdinPort());
    }

    private ZMQ.Socket bind(SocketType type, KernelConnectionProperties props, int port) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(500);
        socket.bind(props.getTransport() + "://" + props.getIp() + ":" + port);
        return socket;
    }

    public String session() {
        return session;
    }

    WireCodec codec() {
        return codec;
    }

    ZMQ.Context context() {
        return context;
    }

    public synchronized void publish(WireMessage message) {
        send(iopub, message);
    }

    void send(ZMQ.Socket socket, WireMessage message) {
        List<byte[]> frames = codec.encode(message);
        for (int i = 0; i < frames.size(); i++) {
            if (i < frames.size() - 1) {
                socket.sendMore(frames.get(i));
            } else {
                socket.send(frames.get(i));
            }
        }
    }

    static List<byte[]> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(socket.recv());
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** Stops the heartbeat; the process exits right after, which ends the ZMQ threads. */
    @Override
    public void close() {
        heartbeat.close();
    }
}
