package io.tinymlaas.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.messages.HMACGenerator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns ZMQ frames into messages and back, signing with the connection key (jjava's HMAC). */
public final class WireCodec {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    /** Why a multipart message was not turned into a {@link WireMessage}. */
    public static final class RejectedMessage extends Exception {
        private final boolean badSignature;

        RejectedMessage(String why, boolean badSignature) {
            super(why);
            this.badSignature = badSignature;
        }

        public boolean badSignature() {
            return badSignature;
        }
    }

    private final HMACGenerator hmac;

    public WireCodec(HMACGenerator hmac) {
        this.hmac = hmac;
    }

    public WireMessage decode(List<byte[]> frames) throws RejectedMessage {
        int delimiter = 0;
        while (delimiter < frames.size() && !Arrays.equals(frames.get(delimiter), DELIMITER)) {
            delimiter++;
        }
        if (frames.size() < delimiter + 6) {
            throw new RejectedMessage("message has " + frames.size() + " frames, expected at least "
                    + (delimiter + 6), false);
        }
        byte[][] parts = {frames.get(delimiter + 2), frames.get(delimiter + 3), frames.get(delimiter + 4),
                frames.get(delimiter + 5)};
        String expected = hmac.calculateSignature(parts);
        // jjava's NO_AUTH generator answers "": an empty key means unsigned messages are accepted.
        if (!expected.isEmpty() && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                frames.get(delimiter + 1))) {
            throw new RejectedMessage("bad HMAC signature", true);
        }
        WireMessage message;
        try {
            message = new WireMessage(new ArrayList<>(frames.subList(0, delimiter)), object(parts[0]),
                    object(parts[1]), object(parts[2]), object(parts[3]),
                    new ArrayList<>(frames.subList(delimiter + 6, frames.size())));
        } catch (RuntimeException e) {
            throw new RejectedMessage("unreadable JSON: " + e.getMessage(), false);
        }
        if (message.type().isEmpty()) {
            // Without a type there is no reply type either: nothing can be answered.
            throw new RejectedMessage("header msg_type is " + message.header().get("msg_type")
                    + ", not the name of a message", false);
        }
        return message;
    }

    public List<byte[]> encode(WireMessage message) {
        byte[][] parts = {bytes(message.header()), bytes(message.parentHeader()), bytes(message.metadata()),
                bytes(message.content())};
        String signature = hmac.calculateSignature(parts);
        List<byte[]> frames = new ArrayList<>(message.identities());
        frames.add(DELIMITER);
        frames.add(signature.getBytes(StandardCharsets.US_ASCII));
        frames.addAll(Arrays.asList(parts));
        frames.addAll(message.buffers());
        return frames;
    }

    private static JsonObject object(byte[] json) {
        return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
