package io.tinymlaas.device;

import io.tinymlaas.codegen.RandomGraphs;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.quant.Int8Interpreter;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of answer arriving corrupt once: the link sends the request again and the work completes. */
class SpoiledAnswersTest {

    @Test
    void deployAndPredictSurviveACorruptAnswerToEachRequest() {
        TappedHostBoard board = new TappedHostBoard();
        int[] spoiled = {0};
        boolean[] seen = new boolean[256];
        board.onRequest(code -> {
            if (code != Commands.HELLO && !seen[code]) {   // the first answer of each kind
                seen[code] = true;
                spoiled[0]++;
                board.spoilNextRead();
            }
        });
        try (Device device = Device.open(board)) {
            Graph graph = RandomGraphs.chain(new Random(41));
            device.deploy(graph);
            byte[] input = RandomGraphs.input(graph, new Random(42));
            assertArrayEquals(Int8Interpreter.run(graph, input), device.predictRaw(input).output());
            assertEquals(1, device.stats().loadsOk(), "LOAD_END ran once or was confirmed by INFO");
            assertEquals(6, spoiled[0], "INFO, LOAD_BEGIN, LOAD_CHUNK, LOAD_END, INFER, STATS");
            assertTrue(device.info().modelLoaded());
        }
    }
}
