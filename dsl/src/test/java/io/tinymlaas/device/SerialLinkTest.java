package io.tinymlaas.device;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialLinkTest {
    private final ScriptedBoard board = new ScriptedBoard(
            p -> new Packet(p.code() | Commands.ANSWER, p.seq(), p.payload()));   // an echo board
    private final SerialLink link = new SerialLink(board, () -> "");

    @Test
    void answersARequest() {
        Packet answer = link.request(Commands.INFER, new byte[] {1, 0, 2}, 500);
        assertEquals(Commands.INFER | Commands.ANSWER, answer.code());
        assertArrayEquals(new byte[] {1, 0, 2}, answer.payload());
    }

    @Test
    void sendsAgainWhenTheAnswerIsCorrupt() {
        board.corruptNext = 2;
        assertArrayEquals(new byte[] {5}, link.request(Commands.INFER, new byte[] {5}, 500).payload());
        assertEquals(3, board.requests);
    }

    @Test
    void sendsAgainWhenTheAnswerIsLost() {
        board.dropNext = 1;
        assertArrayEquals(new byte[] {6}, link.request(Commands.INFER, new byte[] {6}, 100).payload());
        assertEquals(2, board.requests);
    }

    @Test
    void skipsGarbageBeforeTheAnswer() {
        board.garbageBefore = new byte[] {0x55, 0x00, 0x13, 0x37, 0x00, 0x00};
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(new byte[] {(byte) i}, link.request(Commands.INFER, new byte[] {(byte) i}, 500).payload());
        }
        assertEquals(5, board.requests);
    }

    @Test
    void skipsAFrameLongerThanAnyAnswer() {
        board.garbageBefore = new byte[70_000];   // then a delimiter: the link drops the run and reads on
        java.util.Arrays.fill(board.garbageBefore, 0, 69_999, (byte) 0x41);
        assertArrayEquals(new byte[] {9}, link.request(Commands.INFER, new byte[] {9}, 2000).payload());
    }

    @Test
    void stopsWaitingWhenInterrupted() {
        board.dropNext = 1;
        Thread.currentThread().interrupt();
        try {
            assertInfoRequestFails(5000, "interrupted while waiting for the board at scripted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void dropsALateAnswerToAnEarlierTry() {
        ScriptedBoard slow = new ScriptedBoard(p -> new Packet(p.code() | Commands.ANSWER, p.seq(), new byte[] {(byte) p.seq()}));
        SerialLink l = new SerialLink(slow, () -> "");
        slow.dropNext = 1;
        l.request(Commands.STATS, new byte[0], 50);   // seq 1 dropped, seq 2 answered
        Packet next = l.request(Commands.STATS, new byte[0], 500);
        assertEquals(3, next.seq());
        assertEquals(3, next.payload()[0]);
    }

    @Test
    void givesUpOnASilentBoardAfterThreeTriesAndSaysWhatItWaitedFor() {
        board.dropNext = 3;
        assertInfoRequestFails(100, "did not answer INFO (0 bytes sent, 3 tries of up to 100 ms each): last no answer within 100 ms");
    }

    /** Noise is not silence: a board that keeps answering garbage is asked again, up to ten times. */
    @Test
    void asksANoisyBoardUpToTenTimes() {
        board.corruptNext = 9;
        assertEquals(Commands.INFO | Commands.ANSWER, link.request(Commands.INFO, new byte[0], 500).code());
        board.corruptNext = 10;
        assertInfoRequestFails(500, "did not answer INFO (0 bytes sent, 10 tries of up to 500 ms each): last a corrupt answer");
    }

    @Test
    void throwsTheBoardsError() {
        ScriptedBoard refusing = new ScriptedBoard(p -> new Packet(Commands.ERROR, p.seq(),
                new byte[] {7, Commands.INFER, 0, 0, 0, 0, 0, 0, 'n', 'o'}));
        BoardError e = assertThrows(BoardError.class, () -> new SerialLink(refusing, () -> "").request(Commands.INFER, new byte[1], 500));
        assertEquals(BoardError.NO_MODEL, e.code());
        assertEquals("the board answered INFER with NO_MODEL (detail 0): no", e.getMessage());
    }

    @Test
    void saysClearlyWhenTheBoardVanishes() {
        board.gone = true;
        DeviceException e = assertThrows(DeviceException.class,
                () -> new SerialLink(board, () -> " (process exited)").request(Commands.INFO, new byte[0], 500));
        assertEquals("the board at scripted is gone (its port can no longer be read) (process exited)", e.getMessage());
    }

    /** An INFO request with this timeout ends in a DeviceException that says {@code why}. */
    private void assertInfoRequestFails(int timeoutMillis, String why) {
        String message = assertThrows(DeviceException.class, () -> link.request(Commands.INFO, new byte[0], timeoutMillis))
                .getMessage();
        assertTrue(message.contains(why), message);
    }
}
