package io.tinymlaas.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinymlaas.AtomicFiles;
import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Int8Params;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.ops.TfliteForm;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.Metadata;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an int8 {@link Graph} as a TFLite flatbuffer (schema version 3) as TensorFlow's converter
 * lays it out for a full-integer model: one subgraph "main", int8 input and output, weights as
 * constant tensors (per channel along the output channel, or per tensor), int32 biases with scale
 * input · weight (zeros for an op without bias), every buffer's data 16-byte aligned, and a
 * "producer" metadata entry. Each op writes its own options and any constant int32 input (a
 * RESHAPE's target shape, a MEAN's axes) through its class's {@link TfliteForm}. The multipliers
 * are not stored: a runtime derives them from the float scales, as ours did.
 *
 * <p>Tensor order: the graph's activation tensors first (same indices), then each op's constants
 * in op order, named after the op's output tensor ("conv1/weights"). Buffer 0 is the empty buffer
 * every activation tensor points at.
 */
public final class TfliteWriter {
    /** The metadata entry naming the program that wrote the file. */
    public static final String PRODUCER_KEY = "producer";
    static final String PRODUCER = "TinyMLaaS";
    private static final int SCHEMA_VERSION = 3;
    private static final int ALIGNMENT = 16;

    private final Graph graph;
    private final FlatBufferBuilder builder = new FlatBufferBuilder(1024);
    private final List<Integer> tensors = new ArrayList<>();
    private final List<byte[]> buffers = new ArrayList<>();
    private final List<Integer> opCodes = new ArrayList<>();

    private TfliteWriter(Graph graph) {
        this.graph = graph;
    }

    /** The .tflite bytes of an int8 graph. */
    public static byte[] toBytes(Graph graph) {
        if (!graph.isQuantized()) {
            throw new IllegalArgumentException("the graph is float32: quantize the model first (model.quantize(calibration))");
        }
        return new TfliteWriter(graph).write();
    }

    /** Writes the .tflite of an int8 graph to {@code file} (whole, or not at all). */
    public static void write(Graph graph, Path file) {
        byte[] bytes = toBytes(graph);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] write() {
        buffers.add(new byte[0]);
        for (TensorSpec t : graph.tensors()) {
            tensors.add(activation(t));
        }
        List<Integer> operators = new ArrayList<>();
        for (Op op : graph.ops()) {
            operators.add(operator(op));
        }
        int producer = buffers.size();
        buffers.add(PRODUCER.getBytes(StandardCharsets.UTF_8));
        int subgraph = SubGraph.createSubGraph(builder,
                SubGraph.createTensorsVector(builder, ints(tensors)),
                SubGraph.createInputsVector(builder, new int[] {graph.input()}),
                SubGraph.createOutputsVector(builder, new int[] {graph.output()}),
                SubGraph.createOperatorsVector(builder, ints(operators)),
                builder.createString("main"));
        int[] codes = new int[opCodes.size()];
        for (int i = 0; i < codes.length; i++) {
            OpKind op = OpKind.ofCode(opCodes.get(i));
            codes[i] = OperatorCode.createOperatorCode(builder, (byte) Math.min(op.code(), 127), 0,
                    op.tflite().builtin().version(), op.code());
        }
        int[] bufferOffsets = new int[buffers.size()];
        for (int i = 0; i < bufferOffsets.length; i++) {
            bufferOffsets[i] = buffer(buffers.get(i));
        }
        int metadata = Metadata.createMetadata(builder, builder.createString(PRODUCER_KEY), producer);
        int model = Model.createModel(builder, SCHEMA_VERSION,
                Model.createOperatorCodesVector(builder, codes),
                Model.createSubgraphsVector(builder, new int[] {subgraph}),
                builder.createString(PRODUCER),
                Model.createBuffersVector(builder, bufferOffsets),
                0,
                Model.createMetadataVector(builder, new int[] {metadata}),
                0);
        builder.finish(model, TfliteReader.FILE_IDENTIFIER);
        return builder.sizedByteArray();
    }

    private int operator(Op op) {
        OpKind kind = OpKind.of(op.kind());
        TfliteForm form = kind.tflite();
        int opcode = opCodes.indexOf(kind.code());
        if (opcode < 0) {
            opCodes.add(kind.code());
            opcode = opCodes.size() - 1;
        }
        TensorSpec in = graph.tensor(op.input());
        TensorSpec out = graph.tensor(op.output());
        List<Integer> inputs = new ArrayList<>(List.of(op.input()));
        Int8Params p = op.int8();
        if (kind.isWeighted()) {
            Shape filter = form.filterShape(in.shape(), out.shape(), op.window());
            float[] scales = p.weightScales();
            if (scales.length == 0) {
                throw new IllegalArgumentException("op " + op.name() + " has no weight scales (a hand-made graph?):"
                        + " a .tflite stores them; quantize a model to get them");
            }
            inputs.add(constant(out.name() + "/weights", filter, TensorType.INT8, p.weights(),
                    QuantizationParameters.createQuantizationParameters(builder, 0, 0,
                            QuantizationParameters.createScaleVector(builder, scales),
                            QuantizationParameters.createZeroPointVector(builder, new long[scales.length]),
                            (byte) 0, 0, scales.length > 1 ? form.channelAxis() : 0)));
            // Runtimes (TFLite's CONV_2D among them) want a bias: an op without one gets zeros, the same sums.
            int[] bias = p.bias().length == 0 ? new int[filter.dim(form.channelAxis())] : p.bias();
            inputs.add(constant(out.name() + "/bias", Shape.of(bias.length), TensorType.INT32, littleEndian(bias),
                    biasQuantization(in.scale(), scales)));
        } else if (form.constantInput(out) != null) {
            TfliteForm.ConstantInput c = form.constantInput(out);
            inputs.add(constant(out.name() + "/" + c.name(), Shape.of(c.values().length), TensorType.INT32,
                    littleEndian(c.values()), 0));
        }
        int options = form.writeOptions(builder, op, in, out);
        return Operator.createOperator(builder, opcode,
                Operator.createInputsVector(builder, ints(inputs)),
                Operator.createOutputsVector(builder, new int[] {op.output()}),
                form.builtin().optionsType(), options, 0, (byte) 0, 0, 0);
    }

    /** Bias scale per channel: input scale · weight scale, the float product, zero point 0 (as the converter writes it). */
    private int biasQuantization(float inputScale, float[] weightScales) {
        float[] scales = new float[weightScales.length];
        for (int c = 0; c < scales.length; c++) {
            scales[c] = inputScale * weightScales[c];
        }
        return QuantizationParameters.createQuantizationParameters(builder, 0, 0,
                QuantizationParameters.createScaleVector(builder, scales),
                QuantizationParameters.createZeroPointVector(builder, new long[scales.length]), (byte) 0, 0, 0);
    }

    private int activation(TensorSpec t) {
        int quantization = QuantizationParameters.createQuantizationParameters(builder, 0, 0,
                QuantizationParameters.createScaleVector(builder, new float[] {t.scale()}),
                QuantizationParameters.createZeroPointVector(builder, new long[] {t.zeroPoint()}), (byte) 0, 0, 0);
        return tensor(t.name(), TfliteForm.batched(t.shape()), TensorType.INT8, 0, quantization);
    }

    /** A constant tensor with its own buffer; returns its index. */
    private int constant(String name, Shape shape, byte type, byte[] data, int quantization) {
        buffers.add(data);
        tensors.add(tensor(name, shape.dims(), type, buffers.size() - 1, quantization));
        return tensors.size() - 1;
    }

    private int tensor(String name, int[] shape, byte type, int buffer, int quantization) {
        int shapeVector = Tensor.createShapeVector(builder, shape);
        int nameString = builder.createString(name);
        Tensor.startTensor(builder);
        Tensor.addShape(builder, shapeVector);
        Tensor.addType(builder, type);
        Tensor.addBuffer(builder, buffer);
        Tensor.addName(builder, nameString);
        if (quantization != 0) {
            Tensor.addQuantization(builder, quantization);
        }
        return Tensor.endTensor(builder);
    }

    /** A buffer whose data starts on a 16-byte boundary of the file, as the converter aligns them. */
    private int buffer(byte[] data) {
        if (data.length == 0) {
            Buffer.startBuffer(builder);
            return Buffer.endBuffer(builder);
        }
        builder.startVector(1, data.length, ALIGNMENT);
        for (int i = data.length - 1; i >= 0; i--) {
            builder.addByte(data[i]);
        }
        int vector = builder.endVector();
        return Buffer.createBuffer(builder, vector);
    }

    private static byte[] littleEndian(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
