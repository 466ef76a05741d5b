package io.tinymlaas.tflite;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.SoftmaxOptions;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.TensorType;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an int8 .tflite model, as TensorFlow's converter writes one with full-integer
 * quantization, into a {@link Graph} holding what the file stores: tensors with their scales and
 * zero points, ops with their windows, fused activations, int8 weights, weight scales and int32
 * biases. The multipliers are left empty: a .tflite stores float scales, and the caller derives
 * the multipliers from them as TFLM does when it prepares the model
 * ({@code QuantizedModel.loadTflite}).
 *
 * <p>Accepted: one subgraph whose ops form a chain, each reading the previous op's output; int8
 * input, or a uint8 or float32 input followed by a QUANTIZE to int8 (the QUANTIZE is dropped: the
 * model's input becomes its int8 output), and optionally a DEQUANTIZE at the end (dropped
 * likewise). Anything else — another op, tensor type or option, a damaged file — is refused with
 * a {@link TfliteFormatException} naming the op, its index and the tensor; never a wrong answer.
 * A depthwise convolution of a one-channel input with depth multiplier M is read as the CONV_2D
 * with M filters that it equals; a MEAN over height and width keeps the reduced dimensions or not
 * in the file, (C) in the graph either way.
 */
public final class TfliteReader {
    /** The file identifier of TFLite flatbuffers, at bytes 4..7. */
    static final String FILE_IDENTIFIER = "TFL3";
    private static final int SCHEMA_VERSION = 3;

    private final byte[] bytes;
    private Model model;
    private TfliteTensors tensors;
    private final List<TensorSpec> graphTensors = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    /** The file's tensor index of the graph's current tensor (the chain's end so far). */
    private int current;

    private TfliteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The graph of a .tflite file's bytes; {@link TfliteFormatException} is the only exception it throws. */
    public static Graph fromBytes(byte[] bytes) {
        try {
            return new TfliteReader(bytes).parse();
        } catch (TfliteFormatException e) {
            throw e;
        } catch (IndexOutOfBoundsException | IllegalArgumentException | BufferUnderflowException
                 | NegativeArraySizeException e) {
            // flatbuffers-java reads offsets without a verifier: an offset that leads outside the file lands here.
            throw new TfliteFormatException("not a valid .tflite flatbuffer: an offset inside the file leads outside"
                    + " its " + bytes.length + " bytes (truncated or damaged file)", e);
        }
    }

    private Graph parse() {
        if (bytes.length < 8 || !FILE_IDENTIFIER.equals(new String(bytes, 4, 4, StandardCharsets.ISO_8859_1))) {
            String found = bytes.length < 8 ? bytes.length + " bytes" : "bytes 4..7 read '"
                    + new String(bytes, 4, 4, StandardCharsets.ISO_8859_1).replaceAll("[^ -~]", "?") + "'";
            throw new TfliteFormatException("not a TFLite flatbuffer: " + found + ", expected the identifier '"
                    + FILE_IDENTIFIER + "' at bytes 4..7");
        }
        model = Model.getRootAsModel(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        if (model.version() != SCHEMA_VERSION) {
            throw new TfliteFormatException("schema version " + model.version() + ": only version " + SCHEMA_VERSION
                    + " (every converter since TensorFlow 1.x writes it) imports");
        }
        if (model.subgraphsLength() != 1) {
            throw new TfliteFormatException("the model has " + model.subgraphsLength()
                    + " subgraphs: only single-subgraph models (no control flow) import");
        }
        SubGraph subgraph = model.subgraphs(0);
        tensors = new TfliteTensors(model, subgraph, bytes.length);
        if (subgraph.inputsLength() != 1 || subgraph.outputsLength() != 1) {
            throw new TfliteFormatException("the model has " + subgraph.inputsLength() + " inputs and "
                    + subgraph.outputsLength() + " outputs: only models with one of each import");
        }
        int operators = subgraph.operatorsLength();
        requireCount(operators, "operators", bytes.length);
        int first = 0;
        int last = operators - 1;
        current = subgraph.inputs(0);
        if (operators > 0 && code(subgraph.operators(0), 0) == BuiltinOperator.QUANTIZE) {
            current = inputQuantize(subgraph.operators(0));
            first = 1;
        }
        int modelOutput = subgraph.outputs(0);
        if (last >= first && code(subgraph.operators(last), last) == BuiltinOperator.DEQUANTIZE) {
            modelOutput = outputDequantize(subgraph.operators(last), last, modelOutput);
            last--;
        }
        if (last < first) {
            throw new TfliteFormatException("the model has no operators to run besides QUANTIZE/DEQUANTIZE");
        }
        requireInt8(current, "the model input");
        graphTensors.add(activation(current));
        for (int i = first; i <= last; i++) {
            addOp(subgraph.operators(i), i);
        }
        if (current != modelOutput) {
            throw new TfliteFormatException("the subgraph's output is " + tensors.describe(modelOutput)
                    + " but its last op writes " + tensors.describe(current) + ": only chains of ops import");
        }
        return new Graph(graphTensors, ops, 0, graphTensors.size() - 1);
    }

    /** The leading QUANTIZE: uint8 → int8 by a shift of 128 at the same scale, or float32 → int8. Returns its int8 output. */
    private int inputQuantize(Operator op) {
        int in = singleInput(op, 0, "QUANTIZE");
        int out = singleOutput(op, 0, "QUANTIZE");
        requireInt8(out, "op 0 (QUANTIZE)'s output");
        byte type = tensors.type(in);
        if (type == TensorType.UINT8) {
            float inScale = tensors.scale(in);
            int inZero = tensors.zeroPoint(in);
            if (Float.floatToIntBits(inScale) != Float.floatToIntBits(tensors.scale(out))
                    || tensors.zeroPoint(out) != inZero - 128) {
                throw new TfliteFormatException("op 0 (QUANTIZE) requantizes the uint8 input " + tensors.describe(in)
                        + " (scale " + inScale + ", zero point " + inZero + ") to scale " + tensors.scale(out)
                        + ", zero point " + tensors.zeroPoint(out) + ": only the plain uint8 → int8 shift"
                        + " (same scale, zero point − 128) imports");
            }
        } else if (type != TensorType.FLOAT32) {
            throw new TfliteFormatException("op 0 (QUANTIZE) reads " + tensors.describe(in) + " of type "
                    + tensors.typeName(in) + ": only a float32 or uint8 input may be quantized to int8");
        }
        return out;
    }

    /** The trailing DEQUANTIZE int8 → float32 of the model output; returns its int8 input. */
    private int outputDequantize(Operator op, int index, int modelOutput) {
        int in = singleInput(op, index, "DEQUANTIZE");
        int out = singleOutput(op, index, "DEQUANTIZE");
        if (out != modelOutput || tensors.type(out) != TensorType.FLOAT32) {
            throw new TfliteFormatException("op " + index + " (DEQUANTIZE) writes " + tensors.describe(out)
                    + ": only a DEQUANTIZE of the model's output to float32 imports");
        }
        requireInt8(in, "op " + index + " (DEQUANTIZE)'s input");
        return in;
    }

    private void addOp(Operator op, int index) {
        int code = code(op, index);
        TfliteOp kind = TfliteOp.ofCode(code);
        if (kind == null) {
            throw new TfliteFormatException("op " + index + " (" + opName(code) + ") is not supported"
                    + inputNote(op) + ": the int8 ops that import are " + Arrays.toString(TfliteOp.values()));
        }
        String label = "op " + index + " (" + kind + ")";
        if (op.inputsLength() < 1 || op.inputs(0) != current) {
            throw new TfliteFormatException(label + " reads " + (op.inputsLength() < 1 ? "nothing"
                    : tensors.describe(op.inputs(0))) + ", not " + tensors.describe(current)
                    + " that the op before it wrote: only chains of ops import");
        }
        int out = singleOutput(op, index, kind.name());
        requireInt8(out, label + "'s output");
        Shape inShape = graphTensors.get(graphTensors.size() - 1).shape();
        TensorSpec output = activation(out);
        if (kind == TfliteOp.MEAN) {
            output = output.withShape(meanShape(label, inShape, output.shape()));
        }
        Op made = switch (kind) {
            case CONV_2D -> conv(op, label, inShape, output);
            case DEPTHWISE_CONV_2D -> depthwise(op, label, inShape, output);
            case FULLY_CONNECTED -> fullyConnected(op, label, inShape, output);
            case MAX_POOL_2D, AVERAGE_POOL_2D -> pool(op, kind, label, inShape, output);
            case RESHAPE -> reshape(op, label, inShape, output);
            case SOFTMAX -> softmax(op, label, inShape, output);
            case MEAN -> mean(op, label, inShape, output);
        };
        graphTensors.add(output);
        ops.add(made);
        current = out;
    }

    private Op conv(Operator op, String label, Shape in, TensorSpec out) {
        Conv2DOptions o = (Conv2DOptions) options(op, label, BuiltinOptions.Conv2DOptions, new Conv2DOptions());
        requireDilation1(label, o.dilationHFactor(), o.dilationWFactor());
        int filter = constantInput(op, 1, label, "filter");
        int[] f = tensors.dims(filter);
        if (f.length != 4 || in.rank() != 3 || f[3] != in.dim(2) || f[0] != channels(out.shape())) {
            throw new TfliteFormatException(label + ": filter " + tensors.describe(filter) + " of shape "
                    + Arrays.toString(f) + " does not fit input " + in + " and output " + out.shape() + " (expected OHWI)");
        }
        Window w = window(label, in, out.shape(), f[1], f[2], o.strideH(), o.strideW(), o.padding());
        return weighted(OpKind.CONV_2D, op, label, out, w, activation(label, o.fusedActivationFunction()), filter,
                tensors.data(filter, f[0] * f[1] * f[2] * f[3]), 0);
    }

    private Op depthwise(Operator op, String label, Shape in, TensorSpec out) {
        DepthwiseConv2DOptions o = (DepthwiseConv2DOptions) options(op, label, BuiltinOptions.DepthwiseConv2DOptions,
                new DepthwiseConv2DOptions());
        requireDilation1(label, o.dilationHFactor(), o.dilationWFactor());
        int filter = constantInput(op, 1, label, "filter");
        int[] f = tensors.dims(filter);
        int outChannels = channels(out.shape());
        if (f.length != 4 || in.rank() != 3 || f[0] != 1 || f[3] != outChannels
                || outChannels != in.dim(2) * Math.max(1, o.depthMultiplier())) {
            throw new TfliteFormatException(label + ": filter " + tensors.describe(filter) + " of shape "
                    + Arrays.toString(f) + " with depth multiplier " + o.depthMultiplier() + " does not fit input " + in
                    + " and output " + out.shape() + " (expected 1HWC)");
        }
        Window w = window(label, in, out.shape(), f[1], f[2], o.strideH(), o.strideW(), o.padding());
        FusedActivation act = activation(label, o.fusedActivationFunction());
        byte[] weights = tensors.data(filter, f[1] * f[2] * f[3]);
        if (outChannels == in.dim(2)) {
            return weighted(OpKind.DEPTHWISE_CONV_2D, op, label, out, w, act, filter, weights, 3);
        }
        if (in.dim(2) != 1) {
            throw new TfliteFormatException(label + " has depth multiplier " + o.depthMultiplier() + " on "
                    + in.dim(2) + " input channels: only depth multiplier 1 (or a one-channel input) imports");
        }
        // One input channel, M outputs: the same sums as a CONV_2D with M filters of one channel (1HWM → MHW1).
        byte[] ohwi = new byte[weights.length];
        int taps = f[1] * f[2];
        for (int t = 0; t < taps; t++) {
            for (int m = 0; m < outChannels; m++) {
                ohwi[m * taps + t] = weights[t * outChannels + m];
            }
        }
        return weighted(OpKind.CONV_2D, op, label, out, w, act, filter, ohwi, 3);
    }

    private Op fullyConnected(Operator op, String label, Shape in, TensorSpec out) {
        FullyConnectedOptions o = (FullyConnectedOptions) options(op, label, BuiltinOptions.FullyConnectedOptions,
                new FullyConnectedOptions());
        if (o.weightsFormat() != 0) {
            throw new TfliteFormatException(label + " has shuffled weights (weights_format " + o.weightsFormat()
                    + "): only the default layout imports");
        }
        int filter = constantInput(op, 1, label, "weights");
        int[] f = tensors.dims(filter);
        int units = channels(out.shape());
        if (f.length != 2 || f[1] != in.size() || f[0] != units || out.shape().size() != units) {
            throw new TfliteFormatException(label + ": weights " + tensors.describe(filter) + " of shape "
                    + Arrays.toString(f) + " do not fit input " + in + " and output " + out.shape()
                    + " (expected [units][inputs], one sample)");
        }
        return weighted(OpKind.FULLY_CONNECTED, op, label, out, Window.NONE,
                activation(label, o.fusedActivationFunction()), filter, tensors.data(filter, f[0] * f[1]), 0);
    }

    private Op pool(Operator op, TfliteOp kind, String label, Shape in, TensorSpec out) {
        Pool2DOptions o = (Pool2DOptions) options(op, label, BuiltinOptions.Pool2DOptions, new Pool2DOptions());
        if (op.inputsLength() != 1) {
            throw new TfliteFormatException(label + " has " + op.inputsLength() + " inputs: a pooling op has one");
        }
        if (in.rank() != 3 || !out.shape().equals(Shape.of(out.shape().dim(0), out.shape().dim(1), in.dim(2)))) {
            throw new TfliteFormatException(label + " pools input " + in + " into " + out.shape()
                    + ": both must be (height, width, channels) with the same channels");
        }
        requireSameQuantization(label, out);
        Window w = window(label, in, out.shape(), o.filterHeight(), o.filterWidth(), o.strideH(), o.strideW(),
                o.padding());
        return plain(kind.kind(), out, w, activation(label, o.fusedActivationFunction()));
    }

    private Op reshape(Operator op, String label, Shape in, TensorSpec out) {
        if (op.inputsLength() > 2) {
            throw new TfliteFormatException(label + " has " + op.inputsLength() + " inputs: RESHAPE has one or two");
        }
        if (in.size() != out.shape().size()) {
            throw new TfliteFormatException(label + " reshapes " + in + " (" + in.size() + " values) into "
                    + out.shape() + " (" + out.shape().size() + " values)");
        }
        requireSameQuantization(label, out);
        return plain(OpKind.RESHAPE, out, Window.NONE, FusedActivation.NONE);
    }

    private Op softmax(Operator op, String label, Shape in, TensorSpec out) {
        SoftmaxOptions o = (SoftmaxOptions) options(op, label, BuiltinOptions.SoftmaxOptions, new SoftmaxOptions());
        if (o.beta() != 1.0f) {
            throw new TfliteFormatException(label + " has beta " + o.beta() + ": only softmax with beta 1 imports");
        }
        if (!in.equals(out.shape())) {
            throw new TfliteFormatException(label + " maps " + in + " to " + out.shape() + ": softmax keeps the shape");
        }
        if (out.scale() != 1f / 256 || out.zeroPoint() != -128) {
            throw new TfliteFormatException(label + "'s output '" + out.name() + "' has scale "
                    + out.scale() + " and zero point " + out.zeroPoint() + ": int8 softmax needs 1/256 and -128");
        }
        return plain(OpKind.SOFTMAX, out, Window.NONE, FusedActivation.NONE);
    }

    /**
     * MEAN over height and width (TensorFlow's form of GlobalAveragePooling2D): axes {1, 2} (or
     * {-3, -2}, in any order) as a constant int32 input; keep_dims either way.
     */
    private Op mean(Operator op, String label, Shape in, TensorSpec out) {
        ReducerOptions o = (ReducerOptions) options(op, label, BuiltinOptions.ReducerOptions, new ReducerOptions());
        if (op.inputsLength() != 2) {
            throw new TfliteFormatException(label + " has " + op.inputsLength() + " inputs: MEAN has the data and its axes");
        }
        int axis = constantInput(op, 1, label, "axis");
        int[] dims = tensors.dims(axis);
        int count = dims.length == 0 ? 1 : dims[0];
        int[] axes = dims.length > 1 || count > 4 ? null : tensors.int32s(axis, count);
        if (axes == null || !reducesHeightAndWidth(axes)) {
            throw new TfliteFormatException(label + " averages over axes " + (axes == null ? Arrays.toString(dims)
                    : Arrays.toString(axes)) + " of " + tensors.describe(axis) + ": only the mean over height and width"
                    + " (axes [1, 2] of NHWC, keep_dims " + o.keepDims() + ") imports");
        }
        return plain(OpKind.MEAN, out, Window.NONE, FusedActivation.NONE);
    }

    private static boolean reducesHeightAndWidth(int[] axes) {
        int[] normalized = Arrays.stream(axes).map(a -> a < 0 ? a + 4 : a).sorted().toArray();
        return Arrays.equals(normalized, TfliteOp.MEAN_AXES);
    }

    /** MEAN's output as the graph holds it, (C), whether the file keeps the reduced dimensions (1, 1, C) or not. */
    private Shape meanShape(String label, Shape in, Shape out) {
        if (in.rank() != 3 || out.size() != in.dim(2) || out.dim(out.rank() - 1) != in.dim(2)
                || !(out.rank() == 1 || out.equals(Shape.of(1, 1, in.dim(2))))) {
            throw new TfliteFormatException(label + " averages input " + in + " into " + out
                    + ": expected (height, width, channels) into (channels) or (1, 1, channels)");
        }
        return Shape.of(in.dim(2));
    }

    /** Conv, depthwise and fully connected: weights with their scales, an optional int32 bias. */
    private Op weighted(OpKind kind, Operator op, String label, TensorSpec out, Window w, FusedActivation act,
                        int filter, byte[] weights, int channelAxis) {
        if (tensors.type(filter) != TensorType.INT8) {
            throw new TfliteFormatException(label + "'s weights " + tensors.describe(filter) + " are "
                    + tensors.typeName(filter) + ": only int8 weights import (full-integer quantization)");
        }
        int channels = channels(out.shape());
        float[] scales = tensors.weightScales(filter);
        if (scales.length != 1 && (scales.length != channels || tensors.quantizedDimension(filter) != channelAxis)) {
            throw new TfliteFormatException(label + "'s weights " + tensors.describe(filter) + " have "
                    + scales.length + " scales along dimension " + tensors.quantizedDimension(filter) + ": expected one, or "
                    + channels + " along dimension " + channelAxis);
        }
        int[] bias = new int[0];
        if (op.inputsLength() > 2 && op.inputs(2) >= 0) {
            int b = op.inputs(2);
            int[] dims = tensors.dims(b);
            if (dims.length != 1 || dims[0] != channels) {
                throw new TfliteFormatException(label + "'s bias " + tensors.describe(b) + " has shape "
                        + Arrays.toString(dims) + ": expected [" + channels + "]");
            }
            bias = tensors.int32s(b, channels);
        } else if (op.inputsLength() > 3) {
            throw new TfliteFormatException(label + " has " + op.inputsLength() + " inputs: expected at most 3");
        }
        return new Op(kind, out.name(), graphTensors.size() - 1, graphTensors.size(), w, act,
                new Int8Params(weights, scales, bias, new int[0], new int[0], -128, 127, 0));
    }

    private Op plain(OpKind kind, TensorSpec out, Window w, FusedActivation act) {
        return new Op(kind, out.name(), graphTensors.size() - 1, graphTensors.size(), w, act, Int8Params.NONE);
    }

    /** The window of the options, checked against the shapes the file gives, SAME resolved as TFLM resolves it. */
    private Window window(String label, Shape in, Shape out, int kernelH, int kernelW, int strideH, int strideW,
                          byte padding) {
        if (padding != Padding.SAME && padding != Padding.VALID) {
            throw new TfliteFormatException(label + " has padding " + padding + ": only SAME and VALID import");
        }
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1 || out.rank() != 3) {
            throw new TfliteFormatException(label + " has kernel " + kernelH + "x" + kernelW + ", stride " + strideH
                    + "x" + strideW + " and output " + out + ": a damaged file");
        }
        boolean same = padding == Padding.SAME;
        int outH = same ? (in.dim(0) + strideH - 1) / strideH : (in.dim(0) - kernelH) / strideH + 1;
        int outW = same ? (in.dim(1) + strideW - 1) / strideW : (in.dim(1) - kernelW) / strideW + 1;
        if (outH != out.dim(0) || outW != out.dim(1) || outH < 1 || outW < 1) {
            throw new TfliteFormatException(label + " writes " + out + " but a " + kernelH + "x" + kernelW + " stride "
                    + strideH + "x" + strideW + (same ? " SAME" : " VALID") + " window over " + in + " gives "
                    + outH + "x" + outW);
        }
        int padTop = same ? Math.max((outH - 1) * strideH + kernelH - in.dim(0), 0) / 2 : 0;
        int padLeft = same ? Math.max((outW - 1) * strideW + kernelW - in.dim(1), 0) / 2 : 0;
        return new Window(kernelH, kernelW, strideH, strideW, padTop, padLeft, same);
    }

    private Object options(Operator op, String label, byte type, com.google.flatbuffers.Table table) {
        if (op.builtinOptionsType() != type) {
            throw new TfliteFormatException(label + " has options of type " + op.builtinOptionsType() + ", expected "
                    + BuiltinOptions.name(type));
        }
        Object o = op.builtinOptions(table);
        if (o == null) {
            throw new TfliteFormatException(label + " has no options table");
        }
        return o;
    }

    private FusedActivation activation(String label, byte code) {
        FusedActivation a = TfliteOp.activation(code);
        if (a == null) {
            throw new TfliteFormatException(label + " has fused activation " + code
                    + ": only NONE, RELU and RELU6 import");
        }
        return a;
    }

    private int constantInput(Operator op, int position, String label, String what) {
        if (op.inputsLength() <= position || op.inputs(position) < 0) {
            throw new TfliteFormatException(label + " has no " + what + " input");
        }
        return op.inputs(position);
    }

    private void requireSameQuantization(String label, TensorSpec out) {
        TensorSpec in = graphTensors.get(graphTensors.size() - 1);
        if (Float.floatToIntBits(in.scale()) != Float.floatToIntBits(out.scale()) || in.zeroPoint() != out.zeroPoint()) {
            throw new TfliteFormatException(label + " changes scale/zero point from " + in.scale() + "/" + in.zeroPoint()
                    + " to " + out.scale() + "/" + out.zeroPoint() + ": int8 pooling and reshape keep them");
        }
    }

    private static void requireDilation1(String label, int h, int w) {
        if (h != 1 || w != 1) {
            throw new TfliteFormatException(label + " has dilation " + h + "x" + w + ": only dilation 1 imports");
        }
    }

    private TensorSpec activation(int index) {
        return new TensorSpec(tensors.name(index), tensors.activationShape(index), tensors.scale(index),
                tensors.zeroPoint(index));
    }

    private void requireInt8(int index, String what) {
        if (tensors.type(index) != TensorType.INT8) {
            throw new TfliteFormatException(what + " is " + tensors.describe(index) + " of type " + tensors.typeName(index)
                    + ": only int8 models (full-integer quantization) import; a float model must be converted with"
                    + " a representative dataset first");
        }
    }

    private int singleInput(Operator op, int index, String name) {
        if (op.inputsLength() != 1) {
            throw new TfliteFormatException("op " + index + " (" + name + ") has " + op.inputsLength() + " inputs, expected 1");
        }
        return op.inputs(0);
    }

    private int singleOutput(Operator op, int index, String name) {
        if (op.outputsLength() != 1) {
            throw new TfliteFormatException("op " + index + " (" + name + ") has " + op.outputsLength()
                    + " outputs, expected 1");
        }
        return op.outputs(0);
    }

    /** The builtin code of an op, as TFLite reads it: the larger of the deprecated byte and the int32 field. */
    private int code(Operator op, int index) {
        long opcode = op.opcodeIndex();
        if (opcode < 0 || opcode >= model.operatorCodesLength()) {
            throw new TfliteFormatException("op " + index + " uses operator code " + opcode + " of "
                    + model.operatorCodesLength());
        }
        OperatorCode c = model.operatorCodes((int) opcode);
        if (c.customCodeAsByteBuffer() != null) {
            throw new TfliteFormatException("op " + index + " is a custom op: only builtin int8 ops import");
        }
        return Math.max(c.deprecatedBuiltinCode(), c.builtinCode());
    }

    private String inputNote(Operator op) {
        return op.inputsLength() > 0 && op.inputs(0) >= 0 && op.inputs(0) < tensors.count()
                ? " (it reads " + tensors.describe(op.inputs(0)) + ")" : "";
    }

    private static String opName(int code) {
        return code >= 0 && code < BuiltinOperator.names.length ? BuiltinOperator.name(code) : "builtin " + code;
    }

    private static int channels(Shape s) {
        return s.dim(s.rank() - 1);
    }

    /** A count read from the file cannot exceed what the file could hold (a guard against huge allocations). */
    static void requireCount(int count, String what, int fileBytes) {
        if (count < 0 || count > fileBytes / 4) {
            throw new TfliteFormatException("the file claims " + count + " " + what + " in " + fileBytes
                    + " bytes: truncated or damaged");
        }
    }
}
