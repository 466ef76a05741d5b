package io.tinymlaas.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.zeromq.ZMQ;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads one ROUTER socket (shell or control) on its own thread and hands each message to the
 * dispatcher. A message with a bad signature or no message type is dropped and logged; a handler
 * failure (any Throwable) answers an error reply instead of killing the loop.
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

        /** True for a message handled at once even while a cell runs (comms: a drawing pad answers then too). */
        default boolean handlesWhileBusy(WireMessage message) {
            return false;
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
            while (!held.isEmpty()) {
                handle(held.poll(), true);
            }
            while (poller.poll(0) > 0) {
                handleNext(true);
            }
        }

        /**
         * Runs {@code work} (a cell) on the worker thread while this loop goes on reading the socket:
         * messages the dispatcher handles while busy are handled now, the others wait their turn.
         */
        public <T> T whileRunning(Callable<T> work) throws Exception {
            Future<T> result = worker.submit(work);
            while (!result.isDone()) {
                if (poller.poll(BUSY_POLL_MILLIS) > 0) {
                    WireMessage message = receive();
                    if (message != null && dispatcher.handlesWhileBusy(message)) {
                        handle(message, false);
                    } else if (message != null) {
                        held.add(message);
                    }
                }
            }
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
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
    /** How often a loop waiting for a cell looks whether it ended: the most a reply can be late. */
    private static final int BUSY_POLL_MILLIS = 5;
    /** Messages read while a cell ran, in arrival order: they run after it. */
    private final Deque<WireMessage> held = new ArrayDeque<>();
    private final ExecutorService worker;

    private RequestLoop(String name, KernelSockets sockets, ZMQ.Socket socket, Dispatcher dispatcher) {
        super(name);
        this.sockets = sockets;
        this.socket = socket;
        this.dispatcher = dispatcher;
        this.poller = sockets.context().poller(1);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name + "-worker");
            thread.setDaemon(true);
            return thread;
        });
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
            if (!held.isEmpty()) {
                handle(held.poll(), false);
            } else if (poller.poll(-1) > 0) {
                handleNext(false);
            }
        }
    }

    private void handleNext(boolean abort) {
        WireMessage request = receive();
        if (request != null) {
            handle(request, abort);
        }
    }

    /** The next message, or null when it was dropped. */
    private WireMessage receive() {
        try {
            return sockets.codec().decode(KernelSockets.receive(socket));
        } catch (WireCodec.RejectedMessage e) {
            // Without a trustworthy header there is nobody to answer: drop it, say so in the log.
            LOG.warning(getName() + ": dropped a message: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, getName() + ": socket failure", e);
        }
        return null;
    }

    private void handle(WireMessage request, boolean abort) {
        try {
            if (abort) {
                dispatcher.abort(request, replier);
            } else {
                dispatcher.dispatch(request, replier);
            }
        } catch (Throwable e) {
            // Whatever a handler throws, even an Error, the loop goes on.
            LOG.log(Level.WARNING, getName() + ": " + request.type() + " failed", e);
            if (request.type().endsWith("_request")) {
                try {
                    replier.replyError(request, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                } catch (RuntimeException replyFailure) {
                    LOG.log(Level.WARNING, getName() + ": no error reply for " + request.type(), replyFailure);
                }
            }
        }
    }
}
