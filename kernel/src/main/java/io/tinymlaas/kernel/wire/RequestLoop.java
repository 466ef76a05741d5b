package io.tinymlaas.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.zeromq.ZMQ;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one ROUTER socket (shell or control) on its own thread and hands each message to the
 * dispatcher. A message with a bad signature is dropped and logged; a handler failure answers an
 * error reply instead of killing the loop.
 */
public final class RequestLoop extends Thread {

    private static final Logger LOG = Logger.getLogger(RequestLoop.class.getName());

    /** Handles one request; sends its reply through the given {@link Replier}. */
    public interface Dispatcher {
        void dispatch(WireMessage request, Replier replier) throws Exception;

        /** Answers a request that was already queued when a cell failed. */
        default void abort(WireMessage request, Replier replier) throws Exception {
            dispatch(request, replier);
        }
    }

    /** Sends replies on the socket the request came from. */
    public final class Replier {
        public void reply(WireMessage request, String type, JsonObject content) {
            sockets.send(socket, WireMessage.child(request, sockets.session(), type, content));
        }

        /**
         * Aborts the requests already waiting. Called before a failed cell's reply goes out: they were
         * sent before the user saw the error (as "Run All" does), so they must not run on.
         */
        public void abortQueued() {
            while (poller.poll(0) > 0) {
                handleNext(true);
            }
        }

        /** An error reply for a request that could not be handled. */
        public void replyError(WireMessage request, String ename, String evalue) {
            String type = request.type();
            JsonObject content = new JsonObject();
            content.addProperty("status", "error");
            content.addProperty("ename", ename);
            content.addProperty("evalue", evalue);
            content.add("traceback", new JsonArray());
            reply(request, type.endsWith("_request")
                    ? type.substring(0, type.length() - "_request".length()) + "_reply" : "error_reply", content);
        }
    }

    private final KernelSockets sockets;
    private final ZMQ.Socket socket;
    private final Dispatcher dispatcher;
    private final Replier replier = new Replier();
    private final ZMQ.Poller poller;

    private RequestLoop(String name, KernelSockets sockets, ZMQ.Socket socket, Dispatcher dispatcher) {
        super(name);
        this.sockets = sockets;
        this.socket = socket;
        this.dispatcher = dispatcher;
        this.poller = sockets.context().poller(1);
    }

    public static RequestLoop shell(KernelSockets sockets, Dispatcher dispatcher) {
        return new RequestLoop("shell", sockets, sockets.shell, dispatcher);
    }

    public static RequestLoop control(KernelSockets sockets, Dispatcher dispatcher) {
        return new RequestLoop("control", sockets, sockets.control, dispatcher);
    }

    @Override
    public void run() {
        poller.register(socket, ZMQ.Poller.POLLIN);
        // The loop ends with the process: shutdown_request exits the JVM after its reply.
        while (true) {
            if (poller.poll(-1) > 0) {
                handleNext(false);
            }
        }
    }

    private void handleNext(boolean abort) {
        WireMessage request;
        try {
            request = sockets.codec().decode(KernelSockets.receive(socket));
        } catch (WireCodec.RejectedMessage e) {
            // Without a trustworthy header there is nobody to answer: drop it, say so in the log.
            LOG.warning(getName() + ": dropped a message: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, getName() + ": socket failure", e);
            return;
        }
        try {
            if (abort) {
                dispatcher.abort(request, replier);
            } else {
                dispatcher.dispatch(request, replier);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, getName() + ": " + request.type() + " failed", e);
            if (request.type().endsWith("_request")) {
                replier.replyError(request, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        }
    }
}
