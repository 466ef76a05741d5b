package io.tinymlaas.kernel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.zeromq.ZMQ;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;

/**
 * The stdin channel: sends {@code input_request} to the front end that sent a cell and hands back
 * the text of its {@code input_reply}. One thread owns the socket; a cell only waits for a future,
 * so an interrupted cell cannot leave the socket half-written, and a cancelled question is dropped.
 */
public final class StdinChannel {

    private static final Logger LOG = Logger.getLogger(StdinChannel.class.getName());
    private static final long POLL_MILLIS = 100;

    private record Question(WireMessage parent, String prompt, boolean password, CompletableFuture<String> answer) {
    }

    private final KernelSockets sockets;
    private final BlockingQueue<Question> questions = new LinkedBlockingQueue<>();

    public StdinChannel(KernelSockets sockets) {
        this.sockets = sockets;
        Thread server = new Thread(this::serve, "stdin");
        server.setDaemon(true);
        server.start();
    }

    /** Asks the front end that sent {@code parent} for a line; cancel the future to stop waiting. */
    public CompletableFuture<String> ask(WireMessage parent, String prompt, boolean password) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        questions.add(new Question(parent, prompt, password, answer));
        return answer;
    }

    private void serve() {
        ZMQ.Poller poller = sockets.context().poller(1);
        poller.register(sockets.stdin, ZMQ.Poller.POLLIN);
        while (true) {
            Question question;
            try {
                question = questions.take();
            } catch (InterruptedException e) {
                return;
            }
            if (question.answer().isDone()) {
                continue;
            }
            JsonObject request = new JsonObject();
            request.addProperty("prompt", question.prompt());
            request.addProperty("password", question.password());
            // The front end's stdin socket has the identity of its shell socket: the cell's routing frames.
            sockets.send(sockets.stdin, WireMessage.child(question.parent(), sockets.session(), "input_request", request));
            while (!question.answer().isDone()) {
                if (poller.poll(POLL_MILLIS) > 0) {
                    answer(question);
                }
            }
        }
    }

    private void answer(Question question) {
        try {
            WireMessage reply = sockets.codec().decode(KernelSockets.receive(sockets.stdin));
            JsonElement value = reply.content().get("value");
            if (!reply.type().equals("input_reply") || value == null || !value.isJsonPrimitive()) {
                LOG.warning("stdin: ignored a " + reply.type() + " without a text value");
                return;
            }
            question.answer().complete(value.getAsString());
        } catch (WireCodec.RejectedMessage | RuntimeException e) {
            LOG.warning("stdin: dropped a message: " + e.getMessage());
        }
    }
}
