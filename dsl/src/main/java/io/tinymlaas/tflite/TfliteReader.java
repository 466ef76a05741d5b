package io.tinymlaas.tflite;

import com.google.flatbuffers.Table;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.FusedActivation;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.ops.TfliteForm;
import io.tinymlaas.ops.TfliteOpReader;
import io.tinymlaas.ops.TflmParams;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.Padding;
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
 * Each op reads and checks its own options and inputs through its class's {@link TfliteForm}
 * (the op table {@link OpKind} names them), given a {@link TfliteOpReader} on the file.
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
        OpKind kind = OpKind.find(code);
        if (kind == null) {
            throw new TfliteFormatException("op " + index + " (" + opName(code) + ") is not supported"
                    + inputNote(op) + ": the int8 ops that import are " + Arrays.toString(OpKind.values()));
        }
        String label = "op " + index + " (" + kind + ")";
        if (op.inputsLength() < 1 || op.inputs(0) != current) {
            throw new TfliteFormatException(label + " reads " + (op.inputsLength() < 1 ? "nothing"
                    : tensors.describe(op.inputs(0))) + ", not " + tensors.describe(current)
                    + " that the op before it wrote: only chains of ops import");
        }
        int out = singleOutput(op, index, kind.name());
        requireInt8(out, label + "'s output");
        OpReading reading = new OpReading(op, label, graphTensors.get(graphTensors.size() - 1), activation(out));
        Op made = kind.tflite().read(reading);
        graphTensors.add(reading.written);
        ops.add(made);
        current = out;
    }

    /** One op of the file as its own class reads it ({@link io.tinymlaas.ops.TfliteForm#read}). */
    private final class OpReading implements TfliteOpReader {
        private final Operator op;
        private final String label;
        private final TensorSpec in;
        private final TensorSpec out;
        /** The graph tensor the op writes, as the op made it. */
        private TensorSpec written;

        OpReading(Operator op, String label, TensorSpec in, TensorSpec out) {
            this.op = op;
            this.label = label;
            this.in = in;
            this.out = out;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public Shape input() {
            return in.shape();
        }

        @Override
        public TensorSpec output() {
            return out;
        }

        @Override
        public int inputCount() {
            return op.inputsLength();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Table> T options(byte type, T table) {
            if (op.builtinOptionsType() != type) {
                throw new TfliteFormatException(label + " has options of type " + op.builtinOptionsType() + ", expected "
                        + BuiltinOptions.name(type));
            }
            Object o = op.builtinOptions(table);
            if (o == null) {
                throw new TfliteFormatException(label + " has no options table");
            }
            return (T) o;
        }

        @Override
        public FusedActivation activation(byte code) {
            FusedActivation a = TfliteForm.activation(code);
            if (a == null) {
                throw new TfliteFormatException(label + " has fused activation " + code
                        + ": only NONE, RELU and RELU6 import");
            }
            return a;
        }

        @Override
        public Window window(Shape outShape, int kernelH, int kernelW, int strideH, int strideW, byte padding) {
            return TfliteReader.this.window(label, in.shape(), outShape, kernelH, kernelW, strideH, strideW, padding);
        }

        @Override
        public int constantInput(int position, String what) {
            if (op.inputsLength() <= position || op.inputs(position) < 0) {
                throw new TfliteFormatException(label + " has no " + what + " input");
            }
            return op.inputs(position);
        }

        @Override
        public int[] dims(int tensor) {
            return tensors.dims(tensor);
        }

        @Override
        public String describe(int tensor) {
            return tensors.describe(tensor);
        }

        @Override
        public byte[] int8s(int tensor, int bytes) {
            return tensors.data(tensor, bytes);
        }

        @Override
        public int[] int32s(int tensor, int count) {
            return tensors.int32s(tensor, count);
        }

        @Override
        public void requireSameQuantization(TensorSpec o) {
            if (Float.floatToIntBits(in.scale()) != Float.floatToIntBits(o.scale()) || in.zeroPoint() != o.zeroPoint()) {
                throw new TfliteFormatException(label + " changes scale/zero point from " + in.scale() + "/"
                        + in.zeroPoint() + " to " + o.scale() + "/" + o.zeroPoint() + ": int8 pooling and reshape keep them");
            }
        }

        @Override
        public RuntimeException refused(String message) {
            return new TfliteFormatException(message);
        }

        @Override
        public Op plain(OpKind kind, TensorSpec o, Window w, FusedActivation act) {
            written = o;
            return new Op(kind, o.name(), graphTensors.size() - 1, graphTensors.size(), w, act, Int8Params.NONE);
        }

        /** Conv, depthwise and fully connected: weights with their scales, an optional int32 bias. */
        @Override
        public Op weighted(OpKind kind, TensorSpec o, Window w, FusedActivation act, int filter, byte[] weights,
                           int channelAxis) {
            if (tensors.type(filter) != TensorType.INT8) {
                throw new TfliteFormatException(label + "'s weights " + tensors.describe(filter) + " are "
                        + tensors.typeName(filter) + ": only int8 weights import (full-integer quantization)");
            }
            int channels = o.shape().dim(o.shape().rank() - 1);
            float[] scales = tensors.weightScales(filter);
            if (scales.length != 1 && (scales.length != channels || tensors.quantizedDimension(filter) != channelAxis)) {
                throw new TfliteFormatException(label + "'s weights " + tensors.describe(filter) + " have "
                        + scales.length + " scales along dimension " + tensors.quantizedDimension(filter)
                        + ": expected one, or " + channels + " along dimension " + channelAxis);
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
            written = o;
            return new Op(kind, o.name(), graphTensors.size() - 1, graphTensors.size(), w, act,
                    new Int8Params(weights, scales, bias, new int[0], new int[0], -128, 127, 0));
        }
    }

    /** The window of the options, checked against the shapes the file gives, SAME resolved as TFLM resolves it. */
    private static Window window(String label, Shape in, Shape out, int kernelH, int kernelW, int strideH, int strideW,
                                 byte padding) {
        if (padding != Padding.SAME && padding != Padding.VALID) {
            throw new TfliteFormatException(label + " has padding " + padding + ": only SAME and VALID import");
        }
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1 || out.rank() != 3) {
            throw new TfliteFormatException(label + " has kernel " + kernelH + "x" + kernelW + ", stride " + strideH
                    + "x" + strideW + " and output " + out + ": a damaged file");
        }
        boolean same = padding == Padding.SAME;
        int outH = TflmParams.outSize(same, in.dim(0), kernelH, strideH);
        int outW = TflmParams.outSize(same, in.dim(1), kernelW, strideW);
        if (outH != out.dim(0) || outW != out.dim(1) || outH < 1 || outW < 1) {
            throw new TfliteFormatException(label + " writes " + out + " but a " + kernelH + "x" + kernelW + " stride "
                    + strideH + "x" + strideW + (same ? " SAME" : " VALID") + " window over " + in + " gives "
                    + outH + "x" + outW);
        }
        int padTop = same ? TflmParams.samePadding(strideH, in.dim(0), kernelH, outH) : 0;
        int padLeft = same ? TflmParams.samePadding(strideW, in.dim(1), kernelW, outW) : 0;
        return new Window(kernelH, kernelW, strideH, strideW, padTop, padLeft, same);
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

    /** A count read from the file cannot exceed what the file could hold (a guard against huge allocations). */
    static void requireCount(int count, String what, int fileBytes) {
        if (count < 0 || count > fileBytes / 4) {
            throw new TfliteFormatException("the file claims " + count + " " + what + " in " + fileBytes
                    + " bytes: truncated or damaged");
        }
    }
}
