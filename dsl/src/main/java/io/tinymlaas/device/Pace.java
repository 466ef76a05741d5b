package io.tinymlaas.device;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;

/**
 * How long a board may take to answer one try of a request: a fixed allowance (the board's latency,
 * the host being busy) plus the time the bytes need on its line and the time the inference needs
 * for the model's multiply-accumulates. A small request to a frozen board then fails in seconds,
 * a large upload or a large model still gets the time it needs.
 */
record Pace(int baseMillis, double microsPerByte, double microsPerMac) {

    /** The time one try of a request may take: {@code bytes} on the line both ways, {@code macs} of work on the board. */
    int millis(long bytes, long macs) {
        double micros = bytes * microsPerByte + macs * microsPerMac;
        return (int) Math.min(Integer.MAX_VALUE, baseMillis + (long) Math.ceil(micros / 1000));
    }

    /**
     * The multiply-accumulates (or, for ops without weights, element visits) of one inference: for
     * each op, its weights times the output positions that use them, or its window times its output.
     */
    static long work(Graph graph) {
        long work = 0;
        for (Op op : graph.ops()) {
            TensorSpec out = graph.tensors().get(op.output());
            int rank = out.shape().rank();
            long positions = out.bytes() / Math.max(1, out.shape().dim(rank - 1));
            long window = (long) Math.max(1, op.window().kernelH()) * Math.max(1, op.window().kernelW());
            work += op.weights().length > 0 ? op.weights().length * positions : out.bytes() * window;
        }
        return work;
    }
}
