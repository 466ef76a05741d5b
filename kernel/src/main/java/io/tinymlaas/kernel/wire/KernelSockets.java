package io.tinymlaas.kernel.wire;

import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;

/**
 * The five sockets of a connection file. Heartbeat is jjava's echo loop; shell and control are
 * read by our own {@link RequestLoop}s (jjava's loop dies on a bad signature and sleeps 50 ms per
 * poll); stdin by the {@link StdinChannel}. Cells publish on iopub from their own threads, which
 * an interrupt may interrupt or stop at any point: they only queue messages, and one publisher
 * thread owns the iopub socket, so no cell can leave it half-written.
 */
public final class KernelSockets implements AutoCloseable {

    private final ZMQ.Context context = ZMQ.context(1);
    private final WireCodec codec;
    private final HeartbeatChannel heartbeat;
    private final ZMQ.Socket iopub;
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    /** Used only by {@link StdinChannel}'s thread. */
    final ZMQ.Socket stdin;
    private final String session = java.util.UUID.randomUUID().toString();
    private final BlockingQueue<WireMessage> outbox = new LinkedBlockingQueue<>();
    private final Thread publisher = new Thread(this::publishQueued, "iopub-publisher");
    private static final WireMessage END = new WireMessage(List.of(), null, null, null, null, List.of());

    public KernelSockets(KernelConnectionProperties props) throws Exception {
        HMACGenerator hmac = props.createHMACGenerator();
        codec = new WireCodec(hmac);
        heartbeat = new HeartbeatChannel(context, hmac, 20);
        heartbeat.bind(props);
        iopub = bind(SocketType.PUB, props, props.getIopubPort());
        shell = bind(SocketType.ROUTER, props, props.getShellPort());
        control = bind(SocketType.ROUTER, props, props.getControlPort());
        stdin = bind(SocketType.ROUTER, props, props.getStdinPort());
        publisher.setDaemon(true);
        publisher.start();
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

    /** Queues a message for iopub; messages leave in the order they were queued. */
    public void publish(WireMessage message) {
        outbox.add(message);
    }

    private void publishQueued() {
        while (true) {
            WireMessage message;
            try {
                message = outbox.take();
            } catch (InterruptedException e) {
                return;
            }
            if (message == END) {
                return;
            }
            try {
                send(iopub, message);
            } catch (RuntimeException e) {
                Logger.getLogger(KernelSockets.class.getName()).warning("iopub message not sent: " + e);
            }
        }
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

    /** Sends what is queued, then stops the heartbeat; the process exits right after, which ends the ZMQ threads. */
    @Override
    public void close() {
        outbox.add(END);
        try {
            publisher.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat.close();
    }
}
