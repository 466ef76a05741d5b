package io.tinymlaas.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.quant.DenseWeights;
import io.tinymlaas.quant.QuantizedModel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Files we cannot run are refused with a message that names the value (op and index, tensor and
 * name) — never read into a wrong model. The bad files are our own export, changed with
 * TensorFlow's object API as another converter or a damaged disk would change it; and the
 * input/output conversions TensorFlow's converter adds (QUANTIZE from float or uint8, DEQUANTIZE)
 * are read.
 */
class TfliteRefusalTest {
    /** flatten → dense(32)+relu → dense(10) → softmax; tensors 0..4 are activations, then the constants. */
    private static byte[] mlp;

    @BeforeAll
    static void export() {
        mlp = TfliteWriter.toBytes(TfliteModels.mlp(DenseWeights.PER_CHANNEL).graph());
    }

    @Test
    void notAFlatbufferIsRefusedWithWhatWasFound() {
        assertMessage(new byte[3], "not a TFLite flatbuffer: 3 bytes");
        assertMessage("{\"model\": 1}".getBytes(), "bytes 4..7 read 'del\"'");
        assertMessage(Arrays.copyOf(mlp, 40), "truncated or damaged");
        assertMessage(Arrays.copyOf(mlp, mlp.length / 2), "truncated or damaged");
    }

    @Test
    void aFloatModelIsRefusedNamingItsTensor() {
        assertMessage(changed(m -> {
            TensorT input = m.getSubgraphs()[0].getTensors()[0];
            input.setType(TensorType.FLOAT32);
            input.setQuantization(new QuantizationParametersT());
        }), "tensor 0 'input' of type FLOAT32: only int8 models");
    }

    @Test
    void anUnsupportedOpIsRefusedWithItsNameIndexAndTensor() {
        assertMessage(changed(m -> {
            OperatorCodeT code = m.getOperatorCodes()[(int) m.getSubgraphs()[0].getOperators()[1].getOpcodeIndex()];
            code.setBuiltinCode(BuiltinOperator.TANH);
            code.setDeprecatedBuiltinCode((byte) BuiltinOperator.TANH);
        }), "op 1 (TANH) is not supported (it reads tensor 1 'flatten");
    }

    @Test
    void anUnsupportedActivationIsRefused() {
        assertMessage(changed(m -> {
            OperatorT dense = m.getSubgraphs()[0].getOperators()[1];
            dense.getBuiltinOptions().setValue(withActivation((byte) 4));
        }), "op 1 (FULLY_CONNECTED) has fused activation 4");
    }

    @Test
    void scalesBeyondTflmsMultiplierRangeAreRefused() {
        assertMessage(changed(m -> m.getSubgraphs()[0].getTensors()[2].getQuantization().setScale(new float[] {1e-30f})),
                "FULLY_CONNECTED dense: input scale");
    }

    @Test
    void twoSubgraphsAreRefused() {
        assertMessage(changed(m -> m.setSubgraphs(new SubGraphT[] {m.getSubgraphs()[0], m.getSubgraphs()[0]})),
                "the model has 2 subgraphs");
    }

    @Test
    void missingOrShortWeightsAreRefusedNamingTheTensor() {
        assertMessage(changed(m -> weightsBuffer(m).setData(Arrays.copyOf(weightsBuffer(m).getData(), 100))),
                "'dense/weights' needs 25088 bytes of data but its buffer");
        assertMessage(changed(m -> weightsTensor(m).setBuffer(0)), "'dense/weights' should hold constants but points"
                + " at buffer 0 (the empty buffer)");
        assertMessage(changed(m -> weightsTensor(m).setBuffer(999)), "points at buffer 999");
    }

    @Test
    void branchingGraphsAreRefused() {
        assertMessage(changed(m -> m.getSubgraphs()[0].getOperators()[2].getInputs()[0] = 1),
                "op 2 (FULLY_CONNECTED) reads tensor 1 'flatten'");
    }

    @Test
    void floatInputWithQuantizeAndDequantizeOutputAreRead() {
        QuantizedModel plain = QuantizedModel.loadTflite(mlp);
        QuantizedModel wrapped = QuantizedModel.loadTflite(changed(m -> {
            SubGraphT g = m.getSubgraphs()[0];
            TensorT floatIn = tensor("float_input", g.getTensors()[0].getShape(), TensorType.FLOAT32);
            TensorT floatOut = tensor("float_output", g.getTensors()[4].getShape(), TensorType.FLOAT32);
            int in = g.getTensors().length;
            g.setTensors(append(g.getTensors(), floatIn, floatOut));
            int quantize = addCode(m, BuiltinOperator.QUANTIZE);
            int dequantize = addCode(m, BuiltinOperator.DEQUANTIZE);
            OperatorT q = op(quantize, in, 0);
            OperatorT d = op(dequantize, 4, in + 1);
            OperatorT[] ops = g.getOperators();
            OperatorT[] all = new OperatorT[ops.length + 2];
            all[0] = q;
            System.arraycopy(ops, 0, all, 1, ops.length);
            all[all.length - 1] = d;
            g.setOperators(all);
            g.setInputs(new int[] {in});
            g.setOutputs(new int[] {in + 1});
        }));
        TfliteRoundTripTest.assertSameModel(plain.graph(), wrapped.graph());
    }

    @Test
    void uint8InputIsReadAsItsInt8ShiftAndOtherRequantizationsAreRefused() {
        QuantizedModel plain = QuantizedModel.loadTflite(mlp);
        Graph g = plain.graph();
        byte[] shifted = changed(m -> wrapUint8(m, g.inputSpec().scale(), g.inputSpec().zeroPoint() + 128));
        TfliteRoundTripTest.assertSameModel(g, QuantizedModel.loadTflite(shifted).graph());
        assertMessage(changed(m -> wrapUint8(m, g.inputSpec().scale() * 2, 0)),
                "op 0 (QUANTIZE) requantizes the uint8 input tensor");
    }

    @Test
    void aGraphWithoutWeightScalesCannotBeExported() {
        Graph handMade = io.tinymlaas.codegen.RandomGraphs.chain(new java.util.Random(3));
        if (handMade.ops().stream().anyMatch(op -> op.kind().isWeighted())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfliteWriter.toBytes(handMade));
            assertTrue(e.getMessage().contains("has no weight scales"), e.getMessage());
        }
        assertEquals(Shape.of(784), QuantizedModel.loadTflite(mlp).graph().tensor(1).shape());
    }

    private static void wrapUint8(ModelT m, float scale, int zeroPoint) {
        SubGraphT g = m.getSubgraphs()[0];
        TensorT in = tensor("uint8_input", g.getTensors()[0].getShape(), TensorType.UINT8);
        in.getQuantization().setScale(new float[] {scale});
        in.getQuantization().setZeroPoint(new long[] {zeroPoint});
        int index = g.getTensors().length;
        g.setTensors(append(g.getTensors(), in));
        OperatorT[] ops = g.getOperators();
        OperatorT[] all = new OperatorT[ops.length + 1];
        all[0] = op(addCode(m, BuiltinOperator.QUANTIZE), index, 0);
        System.arraycopy(ops, 0, all, 1, ops.length);
        g.setOperators(all);
        g.setInputs(new int[] {index});
    }

    private static org.tensorflow.lite.schema.FullyConnectedOptionsT withActivation(byte activation) {
        org.tensorflow.lite.schema.FullyConnectedOptionsT o = new org.tensorflow.lite.schema.FullyConnectedOptionsT();
        o.setFusedActivationFunction(activation);
        return o;
    }

    private static TensorT weightsTensor(ModelT m) {
        SubGraphT g = m.getSubgraphs()[0];
        return g.getTensors()[g.getOperators()[1].getInputs()[1]];
    }

    private static BufferT weightsBuffer(ModelT m) {
        return m.getBuffers()[(int) weightsTensor(m).getBuffer()];
    }

    private static TensorT tensor(String name, int[] shape, byte type) {
        TensorT t = new TensorT();
        t.setName(name);
        t.setShape(shape);
        t.setType(type);
        QuantizationParametersT q = new QuantizationParametersT();
        t.setQuantization(q);
        return t;
    }

    private static OperatorT op(int opcode, int input, int output) {
        OperatorT op = new OperatorT();
        op.setOpcodeIndex(opcode);
        op.setInputs(new int[] {input});
        op.setOutputs(new int[] {output});
        return op;
    }

    private static int addCode(ModelT m, int builtin) {
        OperatorCodeT c = new OperatorCodeT();
        c.setBuiltinCode(builtin);
        c.setDeprecatedBuiltinCode((byte) builtin);
        c.setVersion(1);
        OperatorCodeT[] codes = Arrays.copyOf(m.getOperatorCodes(), m.getOperatorCodes().length + 1);
        codes[codes.length - 1] = c;
        m.setOperatorCodes(codes);
        return codes.length - 1;
    }

    private static TensorT[] append(TensorT[] tensors, TensorT... more) {
        TensorT[] all = Arrays.copyOf(tensors, tensors.length + more.length);
        System.arraycopy(more, 0, all, tensors.length, more.length);
        return all;
    }

    /** Our MLP's file, changed through TensorFlow's object API. */
    private static byte[] changed(Consumer<ModelT> change) {
        ModelT m = ModelT.deserializeFromBinary(mlp);
        change.accept(m);
        byte[] bytes = m.serializeToBinary();
        assertArrayEquals("TFL3".getBytes(), Arrays.copyOfRange(bytes, 4, 8), "the object API keeps the identifier");
        return bytes;
    }

    private static void assertMessage(byte[] file, String expected) {
        TfliteFormatException e = assertThrows(TfliteFormatException.class, () -> QuantizedModel.loadTflite(file));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage() + "\nexpected to contain: " + expected);
    }
}
