package io.tinymlaas.device;

import io.tinymlaas.codegen.RandomGraphs;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.quant.Int8Interpreter;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random graphs × random inputs: the board must answer the Java reference's bytes. */
final class Differential {
    private Differential() {
    }

    /** Returns the number of inferences compared. */
    static int assertBoardMatchesJava(Device device, long seed, int graphs, int inputsPerGraph) {
        Random random = new Random(seed);
        int compared = 0;
        for (int g = 0; g < graphs; g++) {
            Graph graph = RandomGraphs.chain(random);
            Deployment d = device.deploy(graph);
            assertEquals(graph.tensors().get(graph.output()).bytes(), d.outputBytes());
            for (int i = 0; i < inputsPerGraph; i++) {
                byte[] input = RandomGraphs.input(graph, random);
                DeviceResult result = device.predictRaw(input);
                assertArrayEquals(Int8Interpreter.run(graph, input), result.output(),
                        () -> "seed " + seed + ", graph " + compared(graph) + ", input " + java.util.Arrays.toString(input));
                compared++;
            }
        }
        return compared;
    }

    private static String compared(Graph graph) {
        StringBuilder s = new StringBuilder();
        for (Op op : graph.ops()) {
            s.append(op.kind()).append(' ').append(op.window()).append(" → ")
                    .append(graph.tensors().get(op.output()).shape()).append("; ");
        }
        return graph.tensors().get(graph.input()).shape() + ": " + s;
    }
}
