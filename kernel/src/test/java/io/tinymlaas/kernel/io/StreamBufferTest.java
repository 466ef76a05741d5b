package io.tinymlaas.kernel.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamBufferTest {

    @Test
    void keepsACharacterCutInHalfUntilItIsWhole() {
        List<String> sent = new ArrayList<>();
        StreamBuffer buffer = new StreamBuffer("stdout", (name, text) -> sent.add(text));
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8);
        buffer.write(euro, 0, 3);
        buffer.drain();
        buffer.write(euro, 3, 1);
        buffer.drain();
        assertEquals(List.of("a", "€"), sent);
    }

    @Test
    void sendsFullChunksWithoutWaitingForTheTimer() {
        List<String> sent = new ArrayList<>();
        StreamBuffer buffer = new StreamBuffer("stdout", (name, text) -> sent.add(text));
        byte[] line = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 100; i++) {
            buffer.write(line, 0, line.length);
        }
        assertTrue(sent.size() >= 3, "chunks sent: " + sent.size());
        buffer.drain();
        assertEquals(100_000, sent.stream().mapToInt(String::length).sum());
    }
}
