package io.tinymlaas.bench;

import io.tinymlaas.device.Device;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.quant.Int8Interpreter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Instructions of each op of a model on a board that counts instructions (qemu-m4): the op alone in a
 * one-op model (its input and output tensor, its parameters), fed the input it meets inside the whole
 * model (the Java reference's trace of the bench inputs); the median over those inputs. The count
 * includes the interpreter's few instructions around one kernel call.
 */
final class OpInstructions {
    private OpInstructions() {
    }

    /** Per op of {@code graph}, in order: the median instructions over {@code inputs} (model inputs). */
    static long[] perOp(Device device, Graph graph, List<byte[]> inputs) {
        List<List<byte[]>> traces = new ArrayList<>();
        for (byte[] input : inputs) {
            traces.add(Int8Interpreter.trace(graph, input));
        }
        long[] medians = new long[graph.ops().size()];
        for (int i = 0; i < medians.length; i++) {
            Op op = graph.ops().get(i);
            device.deploy(alone(graph, op));
            long[] counts = new long[traces.size()];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = device.predictRaw(traces.get(k).get(op.input())).time().amount();
            }
            Arrays.sort(counts);
            medians[i] = counts[counts.length / 2];
        }
        return medians;
    }

    /** A graph of {@code op} only: tensor 0 its input, tensor 1 its output. */
    static Graph alone(Graph graph, Op op) {
        Op single = new Op(op.kind(), op.name(), 0, 1, op.window(), op.activation(), op.params());
        return new Graph(List.of(graph.tensor(op.input()), graph.tensor(op.output())), List.of(single), 0, 1);
    }
}
