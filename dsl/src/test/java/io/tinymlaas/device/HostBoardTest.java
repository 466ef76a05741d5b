package io.tinymlaas.device;

import io.tinymlaas.codegen.BlobWriter;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.codegen.RandomGraphs;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.quant.Int8Interpreter;
import io.tinymlaas.quant.QuantParams;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host board (the runtime as a program on a pty), one for the whole class. */
class HostBoardTest extends EmulatedBoardTest {

    HostBoardTest() {
        super("host", DeviceTime.Unit.MICROSECONDS, 101, 100);
    }

    @Override
    void assertOwnInfo(DeviceInfo info) {
        assertTrue(info.maxPayload() >= 256, "max payload " + info.maxPayload());
        assertTrue(info.maxModelBytes() > 0 && info.arenaCapacity() > 0, info.toString());
        assertTrue(info.toHtml().contains("host"));
    }

    @Test
    void predictsWithTheDeployedModel() {
        Graph graph = RandomGraphs.chain(new Random(7));
        Deployment d = device.deploy(graph);
        assertTrue(device.info().modelLoaded());
        assertEquals(d.modelCrc(), device.info().modelCrc());
        TensorSpec in = graph.tensors().get(graph.input());
        Random random = new Random(70);
        float[] x = new float[in.bytes()];
        byte[] q = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (random.nextFloat() - 0.5f) * 300 * in.scale();   // some beyond the int8 range: clamped
            q[i] = new QuantParams(in.scale(), in.zeroPoint()).quantize(x[i]);
        }
        DevicePrediction p = device.predict(Tensor.of(in.shape(), x));
        byte[] expected = Int8Interpreter.run(graph, q);
        assertArrayEquals(expected, p.raw());
        TensorSpec out = graph.tensors().get(graph.output());
        assertEquals(out.scale() * (expected[p.label()] - out.zeroPoint()), p.scores()[p.label()]);
        for (byte b : expected) {
            assertTrue(b <= expected[p.label()]);
        }
        assertTrue(p.deviceMicros() >= 0);
        assertEquals(DeviceTime.Unit.MICROSECONDS, p.deviceTime().unit());
    }

    @Test
    void aClosedDeviceSaysItWasClosed() {
        Device other = Device.open("host");
        other.close();
        other.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.predictRaw(new byte[4]));
        assertEquals("this Device (host) was closed: open another with Device.open(\"host\")", e.getMessage());
        assertThrows(IllegalStateException.class, other::info);
        assertTrue(other.toString().endsWith(", closed"), other.toString());
    }

    @Test
    void keepsServingAfterCorruptAndOversizeFrames() {
        DeviceStats before = device.stats();
        byte[] frame = FrameCodec.encode(new Packet(Commands.INFO, 77, new byte[0]));
        frame[3] ^= 0x01;                                                          // bad CRC
        device.sendRaw(frame);
        byte[] oversize = new byte[20_000];
        java.util.Arrays.fill(oversize, (byte) 0x55);
        device.sendRaw(oversize);
        device.sendRaw(new byte[] {0});
        assertEquals("host", device.info().board());
        DeviceStats after = device.stats();
        assertTrue(after.crcErrors() > before.crcErrors(), "CRC errors " + after);
        assertTrue(after.oversizeFrames() > before.oversizeFrames(), "oversize frames " + after);
    }

    @Test
    void refusesRequestsOfTheWrongLength() {
        BoardError e = assertThrows(BoardError.class, () -> device.request(Commands.INFO, new byte[3]));
        assertEquals("BAD_LENGTH", e.codeName());
        BoardError unknown = assertThrows(BoardError.class, () -> device.request(0x55, new byte[0]));
        assertEquals("UNKNOWN_COMMAND", unknown.codeName());
    }

    @Test
    void resetUnloadsTheModel() {
        device.deploy(RandomGraphs.chain(new Random(8)));
        device.reset();
        assertFalse(device.info().modelLoaded());
        BoardError e = assertThrows(BoardError.class, () -> device.predictRaw(new byte[4]));
        assertEquals(BoardError.NO_MODEL, e.code());
        assertEquals(0, device.stats().inferences());
    }

    @Test
    void rejectsCorruptBlobsAndKeepsWorking() {
        Graph fixture = CorruptBlobs.fixture();
        byte[] good = BlobWriter.write(fixture);
        assertTrue(CorruptBlobs.assertAllRejected(device, good) > 50);
        assertTrue(CorruptBlobs.assertTruncationsRejected(device, good) > 40);
        assertEquals(60, CorruptBlobs.bitFlipsSurvived(device, good, new Random(10), 60));
        device.deploy(fixture);
        byte[] input = new byte[72];
        new Random(12).nextBytes(input);
        assertArrayEquals(Int8Interpreter.run(fixture, input), device.predictRaw(input).output(), "a good model still loads and runs");
    }

    @Test
    void loadsAtomicallyAndNamesEveryLoadError() {
        byte[] blob = BlobWriter.write(CorruptBlobs.fixture());
        device.deploy(CorruptBlobs.fixture());
        device.reset();
        assertLoadError(BoardError.NOT_LOADING, Commands.LOAD_CHUNK, chunk(0, blob, 0, 10));
        assertLoadError(BoardError.NOT_LOADING, Commands.LOAD_END, new byte[0]);
        assertLoadError(BoardError.MODEL_TOO_BIG, Commands.LOAD_BEGIN, ints(0, 0));
        assertLoadError(BoardError.MODEL_TOO_BIG, Commands.LOAD_BEGIN, ints(Integer.MAX_VALUE, 0));

        device.deploy(CorruptBlobs.fixture());
        device.request(Commands.LOAD_BEGIN, ints(blob.length, crcOf(blob)));
        assertLoadError(BoardError.NO_MODEL, Commands.INFER, new byte[72]);   // the old model is gone at once
        device.request(Commands.LOAD_CHUNK, chunk(0, blob, 0, 100));
        assertLoadError(BoardError.BAD_OFFSET, Commands.LOAD_CHUNK, chunk(200, blob, 200, 10));
        assertLoadError(BoardError.BAD_OFFSET, Commands.LOAD_CHUNK, chunk(blob.length - 5, blob, 0, 10));
        device.request(Commands.LOAD_CHUNK, chunk(50, blob, 50, 100));   // a resent, overlapping chunk is harmless
        assertLoadError(BoardError.LOAD_INCOMPLETE, Commands.LOAD_END, new byte[0]);
        assertLoadError(BoardError.NO_MODEL, Commands.INFER, new byte[72]);   // a half-loaded model never runs
        assertFalse(device.info().modelLoaded());
    }

    private void assertLoadError(int code, int command, byte[] payload) {
        BoardError e = assertThrows(BoardError.class, () -> device.request(command, payload));
        assertEquals(code, e.code(), e.getMessage());
    }

    private static byte[] chunk(int offset, byte[] blob, int from, int length) {
        return ByteBuffer.allocate(4 + length).order(ByteOrder.LITTLE_ENDIAN).putInt(offset).put(blob, from, length).array();
    }

    private static byte[] ints(int a, int b) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(a).putInt(b).array();
    }

    private static int crcOf(byte[] blob) {
        return ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(blob.length - 4);
    }
}
