package io.tinymlaas.tflite;

import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;

/**
 * Our Java reference as a TFLite build with {@code TFLITE_SINGLE_ROUNDING=1} computes it: the
 * same int32 sums, requantized with one rounding, {@code (acc · M + 2^(30 − shift)) >> (31 − shift)},
 * instead of TFLM's default double rounding. The tfjs-tflite runtime is such a build (its outputs
 * equal these, and differ from TFLM's by ±1 where the two roundings part); the other ops do not
 * requantize and run our kernels. TFLM prints the same rule as {@code MBQM_SINGLE} in
 * {@code tflm-arith.txt}, against which {@link #multiply} is checked.
 */
final class SingleRoundingReference {
    private SingleRoundingReference() {
    }

    /** TFLite's MultiplyByQuantizedMultiplier under TFLITE_SINGLE_ROUNDING. */
    static int multiply(int x, int multiplier, int shift) {
        long totalShift = 31 - shift;
        long round = 1L << (totalShift - 1);
        return (int) ((x * (long) multiplier + round) >> totalShift);
    }

    static byte[] run(Graph g, byte[] input) {
        byte[][] values = new byte[g.tensors().size()][];
        values[g.input()] = input;
        for (Op op : g.ops()) {
            TensorSpec in = g.tensor(op.input());
            TensorSpec out = g.tensor(op.output());
            byte[] result = new byte[out.bytes()];
            if (op.kind().isWeighted()) {
                weighted(op, in, out, values[op.input()], result);
            } else {
                OpKind.of(op.kind()).kernel().eval(op, in, out, values[op.input()], result);
            }
            values[op.output()] = result;
        }
        return values[g.output()];
    }

    /** Conv (OHWI), depthwise (1HWC, multiplier 1) and fully connected ([out][in]) sums, then one rounding. */
    private static void weighted(Op op, TensorSpec in, TensorSpec out, byte[] x, byte[] y) {
        int inputOffset = -in.zeroPoint();
        byte[] w = op.weights();
        if (op.kind() == OpKind.FULLY_CONNECTED) {
            int depth = in.bytes();
            for (int n = 0; n < out.bytes(); n++) {
                int acc = 0;
                for (int k = 0; k < depth; k++) {
                    acc += w[n * depth + k] * (x[k] + inputOffset);
                }
                y[n] = requantize(op, n, acc, out);
            }
            return;
        }
        boolean depthwise = op.kind() == OpKind.DEPTHWISE_CONV_2D;
        Window win = op.window();
        int h = in.shape().dim(0);
        int wd = in.shape().dim(1);
        int c = in.shape().dim(2);
        int oh = out.shape().dim(0);
        int ow = out.shape().dim(1);
        int oc = out.shape().dim(2);
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int o = 0; o < oc; o++) {
                    int acc = 0;
                    for (int ky = 0; ky < win.kernelH(); ky++) {
                        int iy = oy * win.strideH() - win.padTop() + ky;
                        for (int kx = 0; kx < win.kernelW(); kx++) {
                            int ix = ox * win.strideW() - win.padLeft() + kx;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                                continue;
                            }
                            int at = (iy * wd + ix) * c;
                            if (depthwise) {
                                acc += w[(ky * win.kernelW() + kx) * oc + o] * (x[at + o] + inputOffset);
                            } else {
                                for (int i = 0; i < c; i++) {
                                    acc += w[((o * win.kernelH() + ky) * win.kernelW() + kx) * c + i] * (x[at + i] + inputOffset);
                                }
                            }
                        }
                    }
                    y[(oy * ow + ox) * oc + o] = requantize(op, o, acc, out);
                }
            }
        }
    }

    private static byte requantize(Op op, int channel, int acc, TensorSpec out) {
        if (op.bias().length > 0) {
            acc += op.bias()[channel];
        }
        int q = op.multipliers().length == 1 ? 0 : channel;
        int v = multiply(acc, op.multipliers()[q], op.shifts()[q]) + out.zeroPoint();
        return (byte) Math.min(Math.max(v, op.activationMin()), op.activationMax());
    }
}
