package io.tinymlaas.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.DenseWeights;
import io.tinymlaas.quant.QuantizedModel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;

/**
 * MEAN (globalAvgPool) in a .tflite: written as TensorFlow converts Keras's GlobalAveragePooling2D
 * (axes [1, 2] as a constant int32 tensor, keep_dims false), read back to the same bytes and
 * outputs, and read in the other forms TensorFlow writes (keep_dims true, negative axes); any
 * other reduction is refused naming its axes.
 */
class TfliteMeanTest {
    private static QuantizedModel cnn;
    private static byte[] file;

    @BeforeAll
    static void export() {
        cnn = TfliteModels.meanCnn(DenseWeights.PER_CHANNEL);
        file = TfliteWriter.toBytes(cnn.graph());
    }

    @Test
    void meanIsWrittenWithItsAxesAndReadBackToTheSameBytesAndOutputs() {
        ModelT m = ModelT.deserializeFromBinary(file);
        OperatorT mean = mean(m);
        SubGraphT main = m.getSubgraphs()[0];
        TensorT axis = main.getTensors()[mean.getInputs()[1]];
        assertArrayEquals(new int[] {1, 2}, int32s(m, axis), "axes of " + axis.getName());
        assertEquals(false, mean.getBuiltinOptions().asReducerOptions().getKeepDims());
        int channels = cnn.graph().tensor(cnn.graph().ops().stream().filter(o -> o.kind() == OpKind.MEAN)
                .findFirst().orElseThrow().output()).shape().dim(0);
        assertArrayEquals(new int[] {1, channels}, main.getTensors()[mean.getOutputs()[0]].getShape());

        QuantizedModel back = QuantizedModel.loadTflite(file);
        TfliteRoundTripTest.assertSameModel(cnn.graph(), back.graph());
        assertArrayEquals(file, TfliteWriter.toBytes(back.graph()), "export → import → export");
        assertSameOutputs(back);
    }

    @Test
    void keepDimsAndNegativeAxesImportAsTheSameMean() {
        QuantizedModel kept = QuantizedModel.loadTflite(changed(m -> {
            OperatorT mean = mean(m);
            mean.getBuiltinOptions().asReducerOptions().setKeepDims(true);
            TensorT out = m.getSubgraphs()[0].getTensors()[mean.getOutputs()[0]];
            int[] shape = out.getShape();
            out.setShape(new int[] {1, 1, 1, shape[1]});
            setInt32s(m, m.getSubgraphs()[0].getTensors()[mean.getInputs()[1]], -2, -3);
        }));
        assertArrayEquals(file, TfliteWriter.toBytes(kept.graph()), "written back in our form");
        assertSameOutputs(kept);
    }

    @Test
    void anotherReductionIsRefusedNamingItsAxes() {
        TfliteFormatException e = assertThrows(TfliteFormatException.class, () -> QuantizedModel.loadTflite(changed(m -> {
            OperatorT mean = mean(m);
            TensorT axis = m.getSubgraphs()[0].getTensors()[mean.getInputs()[1]];
            setInt32s(m, axis, 1, 3);
        })));
        assertTrue(e.getMessage().contains("(MEAN) averages over axes [1, 3]")
                && e.getMessage().contains("only the mean over height and width"), e.getMessage());
    }

    private static void assertSameOutputs(QuantizedModel back) {
        List<byte[]> images = TfliteModels.images(cnn, 100);
        for (byte[] x : images) {
            assertArrayEquals(cnn.predictRaw(x), back.predictRaw(x));
        }
    }

    private static OperatorT mean(ModelT m) {
        for (OperatorT op : m.getSubgraphs()[0].getOperators()) {
            if (m.getOperatorCodes()[(int) op.getOpcodeIndex()].getBuiltinCode() == BuiltinOperator.MEAN) {
                return op;
            }
        }
        throw new AssertionError("no MEAN in the file");
    }

    private static int[] int32s(ModelT m, TensorT t) {
        int[] data = m.getBuffers()[(int) t.getBuffer()].getData();
        ByteBuffer b = ByteBuffer.allocate(data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : data) {
            b.put((byte) v);
        }
        b.flip();
        int[] values = new int[data.length / 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = b.getInt();
        }
        return values;
    }

    private static void setInt32s(ModelT m, TensorT t, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        int[] data = new int[b.capacity()];
        for (int i = 0; i < data.length; i++) {
            data[i] = b.get(i) & 0xff;
        }
        m.getBuffers()[(int) t.getBuffer()].setData(data);
    }

    private static byte[] changed(Consumer<ModelT> change) {
        ModelT m = ModelT.deserializeFromBinary(file);
        change.accept(m);
        return m.serializeToBinary();
    }
}
