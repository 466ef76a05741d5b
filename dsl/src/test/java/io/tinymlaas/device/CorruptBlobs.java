package io.tinymlaas.device;

import io.tinymlaas.data.Shape;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.graph.Op;
import io.tinymlaas.graph.TensorSpec;
import io.tinymlaas.graph.Window;
import io.tinymlaas.ops.OpKind;
import io.tinymlaas.quant.arith.SoftmaxScaling;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken model blobs, each with one field wrong (and its CRC made right again, so that the loader's
 * own checks are reached), truncated, or with random bits flipped; and what the board must answer.
 */
final class CorruptBlobs {
    private static final int TM_E_TOO_SHORT = 1;
    private static final int TM_E_MAGIC = 2;
    private static final int TM_E_VERSION = 3;
    private static final int TM_E_SIZE = 4;
    private static final int TM_E_RESERVED = 6;
    private static final int TM_E_COUNT = 7;
    private static final int TM_E_TENSOR_INDEX = 8;
    private static final int TM_E_SHAPE = 9;
    private static final int TM_E_ZERO_POINT = 10;
    private static final int TM_E_ARENA_CAPACITY = 11;
    private static final int TM_E_ARENA_BOUNDS = 12;
    private static final int TM_E_OPCODE = 13;
    private static final int TM_E_WINDOW = 14;
    private static final int TM_E_ACTIVATION = 15;
    private static final int TM_E_PARAM_COUNT = 16;
    private static final int TM_E_DATA_BOUNDS = 17;
    private static final int TM_E_SHIFT = 18;
    private static final int TM_E_OP_SHAPE = 19;
    private static final int TM_E_DATAFLOW = 20;
    private static final int TM_E_ALIAS = 21;
    private static final int TM_E_SOFTMAX = 22;

    private static final int TENSORS = 24;
    private static final int T = 6;
    private static final int OPS = TENSORS + 32 * T;

    private CorruptBlobs() {
    }

    /** input (6,6,2) → conv 3×3 VALID (4,4,4) → max pool 2 (2,2,4) → reshape (16) → dense (3) → softmax (3). */
    static Graph fixture() {
        Random r = new Random(3);
        List<TensorSpec> tensors = List.of(
                new TensorSpec("input", Shape.of(6, 6, 2), 0.02f, -5),
                new TensorSpec("conv", Shape.of(4, 4, 4), 0.05f, -128),
                new TensorSpec("pool", Shape.of(2, 2, 4), 0.05f, -128),
                new TensorSpec("flat", Shape.of(16), 0.05f, -128),
                new TensorSpec("dense", Shape.of(3), 0.1f, 7),
                new TensorSpec("softmax", Shape.of(3), 1f / 256, -128));
        byte[] convWeights = new byte[4 * 3 * 3 * 2];
        r.nextBytes(convWeights);
        byte[] denseWeights = new byte[3 * 16];
        r.nextBytes(denseWeights);
        SoftmaxScaling s = SoftmaxScaling.of(0.1f, 1f);
        int m = 1 << 30;
        List<Op> ops = List.of(
                new Op(OpKind.CONV_2D, "conv", 0, 1, new Window(3, 3, 1, 1, 0, 0), convWeights,
                        new int[] {10, -20, 30, -40}, new int[] {m, m, m, m}, new int[] {-6, -6, -7, -7}, -128, 127, 0),
                new Op(OpKind.MAX_POOL_2D, "pool", 1, 2, new Window(2, 2, 2, 2, 0, 0), new byte[0], new int[0],
                        new int[0], new int[0], -128, 127, 0),
                new Op(OpKind.RESHAPE, "flat", 2, 3, Window.NONE, new byte[0], new int[0], new int[0], new int[0], -128, 127, 0),
                new Op(OpKind.FULLY_CONNECTED, "dense", 3, 4, Window.NONE, denseWeights, new int[] {1, 2, 3},
                        new int[] {m, m, m}, new int[] {-8, -8, -8}, -128, 127, 0),
                new Op(OpKind.SOFTMAX, "softmax", 4, 5, Window.NONE, new byte[0], new int[0],
                        new int[] {s.inputMultiplier()}, new int[] {s.inputLeftShift()}, -128, 127, s.diffMin()));
        return new Graph(tensors, ops, 0, 5);
    }

    private record Mutation(String what, Consumer<ByteBuffer> change, Set<Integer> statuses) {
    }

    private static int tensor(int t, int field) {
        return TENSORS + 32 * t + field;
    }

    private static int op(int j, int field) {
        return OPS + 64 * j + field;
    }

    private static List<Mutation> mutations(ByteBuffer good) {
        int total = good.capacity();
        int arena = good.getInt(12);
        List<Mutation> m = new ArrayList<>();
        m.add(new Mutation("magic", b -> b.put(0, (byte) 'X'), Set.of(TM_E_MAGIC)));
        m.add(new Mutation("version 2", b -> b.putShort(4, (short) 2), Set.of(TM_E_VERSION)));
        m.add(new Mutation("flags", b -> b.putShort(6, (short) 1), Set.of(TM_E_RESERVED)));
        m.add(new Mutation("total_bytes too large", b -> b.putInt(8, total + 4), Set.of(TM_E_SIZE)));
        m.add(new Mutation("total_bytes too small", b -> b.putInt(8, total - 4), Set.of(TM_E_SIZE)));
        m.add(new Mutation("arena_bytes 0", b -> b.putInt(12, 0), Set.of(TM_E_ARENA_CAPACITY)));
        m.add(new Mutation("arena_bytes 2 GB", b -> b.putInt(12, Integer.MAX_VALUE), Set.of(TM_E_ARENA_CAPACITY)));
        m.add(new Mutation("tensor_count 0", b -> b.putShort(16, (short) 0), Set.of(TM_E_COUNT)));
        m.add(new Mutation("tensor_count 65", b -> b.putShort(16, (short) 65), Set.of(TM_E_COUNT, TM_E_TOO_SHORT)));
        m.add(new Mutation("tensor_count 0xFFFF", b -> b.putShort(16, (short) 0xFFFF), Set.of(TM_E_COUNT, TM_E_TOO_SHORT)));
        m.add(new Mutation("op_count 0", b -> b.putShort(18, (short) 0), Set.of(TM_E_COUNT)));
        m.add(new Mutation("op_count 0xFFFF", b -> b.putShort(18, (short) 0xFFFF), Set.of(TM_E_COUNT, TM_E_TOO_SHORT)));
        m.add(new Mutation("input_tensor out of range", b -> b.putShort(20, (short) T), Set.of(TM_E_TENSOR_INDEX)));
        m.add(new Mutation("output_tensor = input", b -> b.putShort(22, (short) 0), Set.of(TM_E_TENSOR_INDEX)));
        m.add(new Mutation("rank 0", b -> b.put(tensor(1, 0), (byte) 0), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("rank 5", b -> b.put(tensor(1, 0), (byte) 5), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("tensor reserved", b -> b.put(tensor(1, 2), (byte) 1), Set.of(TM_E_RESERVED)));
        m.add(new Mutation("dim 0", b -> b.putInt(tensor(1, 4), 0), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("unused dim 2", b -> b.putInt(tensor(1, 16), 2), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("dims overflow", b -> b.putInt(tensor(1, 4), 0x10000).putInt(tensor(1, 8), 0x10000), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("scale NaN", b -> b.putInt(tensor(1, 20), 0x7FC00000), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("scale 0", b -> b.putFloat(tensor(1, 20), 0f), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("scale -1", b -> b.putFloat(tensor(1, 20), -1f), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("scale infinite", b -> b.putFloat(tensor(1, 20), Float.POSITIVE_INFINITY), Set.of(TM_E_SHAPE)));
        m.add(new Mutation("zero point 128", b -> b.putInt(tensor(1, 24), 128), Set.of(TM_E_ZERO_POINT)));
        m.add(new Mutation("zero point -129", b -> b.putInt(tensor(1, 24), -129), Set.of(TM_E_ZERO_POINT)));
        m.add(new Mutation("tensor past the arena", b -> b.putInt(tensor(1, 28), arena), Set.of(TM_E_ARENA_BOUNDS)));
        m.add(new Mutation("arena offset overflow", b -> b.putInt(tensor(1, 28), -16), Set.of(TM_E_ARENA_BOUNDS)));
        m.add(new Mutation("opcode 2", b -> b.put(op(0, 0), (byte) 2), Set.of(TM_E_OPCODE)));
        m.add(new Mutation("opcode 255", b -> b.put(op(0, 0), (byte) 255), Set.of(TM_E_OPCODE)));
        m.add(new Mutation("op reserved byte", b -> b.put(op(0, 1), (byte) 1), Set.of(TM_E_RESERVED)));
        m.add(new Mutation("op reserved u16", b -> b.putShort(op(0, 6), (short) 1), Set.of(TM_E_RESERVED)));
        m.add(new Mutation("op input out of range", b -> b.putShort(op(0, 2), (short) T), Set.of(TM_E_TENSOR_INDEX)));
        m.add(new Mutation("op output = input", b -> b.putShort(op(0, 4), (short) 0), Set.of(TM_E_TENSOR_INDEX)));
        m.add(new Mutation("kernel 0", b -> b.putShort(op(0, 8), (short) 0), Set.of(TM_E_WINDOW, TM_E_PARAM_COUNT)));
        m.add(new Mutation("stride 0", b -> b.putShort(op(1, 12), (short) 0), Set.of(TM_E_WINDOW)));
        m.add(new Mutation("padding ≥ kernel", b -> b.putShort(op(0, 16), (short) 3), Set.of(TM_E_WINDOW, TM_E_OP_SHAPE)));
        m.add(new Mutation("window on a dense op", b -> b.putShort(op(3, 8), (short) 2), Set.of(TM_E_WINDOW)));
        m.add(new Mutation("activation min 200", b -> b.putInt(op(0, 20), 200), Set.of(TM_E_ACTIVATION)));
        m.add(new Mutation("activation min > max", b -> b.putInt(op(0, 20), 10).putInt(op(0, 24), 5), Set.of(TM_E_ACTIVATION)));
        m.add(new Mutation("diff_min on conv", b -> b.putInt(op(0, 28), -1), Set.of(TM_E_ACTIVATION)));
        m.add(new Mutation("weights count + 1", b -> b.putInt(op(0, 36), b.getInt(op(0, 36)) + 1), Set.of(TM_E_PARAM_COUNT)));
        m.add(new Mutation("bias count 3 on 4 channels", b -> b.putInt(op(0, 44), 3), Set.of(TM_E_PARAM_COUNT)));
        m.add(new Mutation("offset without count", b -> b.putInt(op(1, 32), 64), Set.of(TM_E_PARAM_COUNT)));
        m.add(new Mutation("weights outside the data", b -> b.putInt(op(0, 32), total - 8), Set.of(TM_E_DATA_BOUNDS)));
        m.add(new Mutation("weights inside the tables", b -> b.putInt(op(0, 32), 4), Set.of(TM_E_DATA_BOUNDS)));
        m.add(new Mutation("bias misaligned", b -> b.putInt(op(0, 40), b.getInt(op(0, 40)) + 1), Set.of(TM_E_DATA_BOUNDS)));
        m.add(new Mutation("bias offset wraps", b -> b.putInt(op(0, 40), -4), Set.of(TM_E_DATA_BOUNDS)));
        m.add(new Mutation("shift 40", b -> b.putInt(b.getInt(op(0, 56)), 40), Set.of(TM_E_SHIFT)));
        m.add(new Mutation("softmax shift 32", b -> b.putInt(b.getInt(op(4, 56)), 32), Set.of(TM_E_SHIFT)));
        m.add(new Mutation("pool changes channels", b -> b.putInt(tensor(2, 12), 3).putInt(tensor(3, 4), 12),
                Set.of(TM_E_OP_SHAPE)));
        m.add(new Mutation("reshape changes zero point", b -> b.putInt(tensor(3, 24), 0), Set.of(TM_E_OP_SHAPE, TM_E_ZERO_POINT)));
        m.add(new Mutation("softmax output zero point", b -> b.putInt(tensor(5, 24), 0), Set.of(TM_E_SOFTMAX)));
        m.add(new Mutation("softmax diff_min > 0", b -> b.putInt(op(4, 28), 1), Set.of(TM_E_SOFTMAX, TM_E_ACTIVATION)));
        m.add(new Mutation("a tensor read before written", b -> b.putShort(op(2, 2), (short) 3).putShort(op(2, 4), (short) 2),
                Set.of(TM_E_DATAFLOW)));
        m.add(new Mutation("input and output overlap", b -> b.putInt(tensor(1, 28), b.getInt(tensor(0, 28))),
                Set.of(TM_E_ALIAS)));
        return m;
    }

    /** Every mutation is refused with BAD_BLOB and its loader status; the board answers INFO after each. Returns how many. */
    static int assertAllRejected(Device device, byte[] good) {
        List<String> wrong = new ArrayList<>();
        List<Mutation> all = mutations(ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN));
        for (Mutation mutation : all) {
            ByteBuffer b = ByteBuffer.wrap(good.clone()).order(ByteOrder.LITTLE_ENDIAN);
            mutation.change().accept(b);
            byte[] bad = withCrc(b.array());
            try {
                device.upload(bad, device.info());
                wrong.add(mutation.what() + ": accepted");
            } catch (BoardError e) {
                if (e.code() != BoardError.BAD_BLOB || !mutation.statuses().contains(e.sub())) {
                    wrong.add(mutation.what() + ": " + e.getMessage());
                }
            }
            assertFalse(device.info().modelLoaded(), mutation.what() + " left a model loaded");
        }
        assertEquals(List.of(), wrong);
        return all.size();
    }

    private static void assertFalse(boolean condition, String message) {
        assertTrue(!condition, message);
    }

    /** Truncated blobs, with and without a CRC made right, are all refused. */
    static int assertTruncationsRejected(Device device, byte[] good) {
        int count = 0;
        for (int length = 5; length < good.length; length += Math.max(1, good.length / 23)) {
            byte[] cut = Arrays.copyOf(good, length);
            expectRejected(device, cut, Set.of(BoardError.MODEL_CRC, BoardError.BAD_BLOB), "cut to " + length);
            BoardError e = expectRejected(device, withCrc(cut), Set.of(BoardError.BAD_BLOB), "cut to " + length + ", CRC fixed");
            assertTrue(Set.of(TM_E_TOO_SHORT, TM_E_SIZE).contains(e.sub()), e.getMessage());
            count += 2;
        }
        return count;
    }

    /** Flipped bits without a new CRC are MODEL_CRC; with one, the board refuses or runs the model, and keeps answering. */
    static int bitFlipsSurvived(Device device, byte[] good, Random random, int flips) {
        int survived = 0;
        for (int i = 0; i < flips; i++) {
            byte[] bad = good.clone();
            int bit = random.nextInt(8 * (good.length - 4));
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            expectRejected(device, bad, Set.of(BoardError.MODEL_CRC), "bit " + bit + " flipped, old CRC");
            boolean loaded;
            try {
                device.upload(withCrc(bad), device.info());
                loaded = true;
            } catch (BoardError e) {
                assertEquals(BoardError.BAD_BLOB, e.code(), e.getMessage());
                loaded = false;
            }
            if (loaded && inputBytes(bad) <= device.info().maxPayload()) {
                // the flip passed every check (a weight, a multiplier…): the model must run
                assertEquals(Commands.INFER | Commands.ANSWER, device.request(Commands.INFER, new byte[(int) inputBytes(bad)]).code());
            }
            assertEquals(Commands.HELLO | Commands.ANSWER, device.request(Commands.HELLO, new byte[0]).code());
            survived++;
        }
        return survived;
    }

    /** The byte size of a blob's input tensor. */
    private static long inputBytes(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int at = TENSORS + 32 * (b.getShort(20) & 0xFFFF);
        long bytes = 1;
        for (int k = 0; k < 4; k++) {
            bytes *= b.getInt(at + 4 + 4 * k) & 0xFFFFFFFFL;
        }
        return bytes;
    }

    private static BoardError expectRejected(Device device, byte[] blob, Set<Integer> codes, String what) {
        try {
            device.upload(blob, device.info());
        } catch (BoardError e) {
            assertTrue(codes.contains(e.code()), what + ": " + e.getMessage());
            return e;
        }
        return fail(what + ": accepted");
    }

    static byte[] withCrc(byte[] blob) {
        byte[] fixed = blob.clone();
        CRC32 crc = new CRC32();
        crc.update(fixed, 0, fixed.length - 4);
        ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN).putInt(fixed.length - 4, (int) crc.getValue());
        return fixed;
    }
}
