package io.tinymlaas.device;

import io.tinymlaas.codegen.BlobWriter;
import io.tinymlaas.data.Prediction;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.graph.Graph;
import io.tinymlaas.quant.QuantizedModel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A board running the TinyMLaaS firmware, spoken to over a serial line (docs/protocol.md):
 * {@code Device.open("host" | "qemu-m4" | "/dev/ttyUSB0")}, then {@link #deploy}, {@link #predict}.
 * Closing it stops a board it started. One request at a time: the methods are synchronized.
 */
public final class Device implements AutoCloseable {
    private static final int PING_MILLIS = 200;
    /** Bytes of an answer besides its payload, and of the answers to small commands (INFO, STATS). */
    private static final int ANSWER_BYTES = 64;
    /** The work assumed for an INFER when this Device did not deploy the model (10 M MACs). */
    private static final long UNKNOWN_WORK = 10_000_000L;
    private static final int HELLO_BYTES = 12;

    private final Board board;
    private final SerialLink link;
    private final int maxPayload;
    private final long clockHz;
    private Graph model;
    private long modelWork = UNKNOWN_WORK;
    private Deployment deployment;
    private boolean closed;

    private Device(Board board) {
        this.board = board;
        this.link = new SerialLink(board.open(), board::state);
        try {
            this.maxPayload = helloMaxPayload(link.ping(board.startMillis(), PING_MILLIS));
            this.clockHz = info().clockHz();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * Opens "host" (a program on this machine), "qemu-m4" (an emulated Cortex-M4, DSP kernels),
     * "qemu-m4-portable" (the same with the portable C kernels) or a serial port path.
     */
    public static Device open(String name) {
        return open(board(name));
    }

    static Device open(Board board) {
        try {
            return new Device(board);
        } catch (RuntimeException e) {
            board.close();
            throw e;
        }
    }

    /** Starts or opens the board {@code name} names (see {@link #open(String)}). */
    static Board board(String name) {
        if (name == null || name.isBlank()) {
            throw new DeviceException(unknown(String.valueOf(name)));
        }
        return switch (name) {
            case "host" -> HostBoard.start();
            case "qemu-m4" -> QemuBoard.start();
            case "qemu-m4-portable" -> QemuBoard.startPortable();
            default -> {
                if (name.startsWith("/dev/") || name.startsWith("/") || name.matches("(?i)COM\\d+")) {
                    yield new SerialBoard(name);
                }
                throw new DeviceException(unknown(name));
            }
        };
    }

    private static String unknown(String name) {
        return "unknown device \"" + name + "\": use \"host\" (a program on this machine), \"qemu-m4\" (an emulated"
                + " Cortex-M4) or a serial port path such as /dev/ttyUSB0 (COM3 on Windows)";
    }

    private static int helloMaxPayload(Packet hello) {
        ByteBuffer b = hello.body();
        if (b.remaining() < HELLO_BYTES || b.getInt(0) != 0x54524D54) {   // "TMRT", little-endian
            throw new DeviceException("the board's HELLO answer is not the TinyMLaaS runtime's (" + b.remaining() + " bytes)");
        }
        int protocol = b.get(4) & 0xFF;
        int blobFormat = b.get(5) & 0xFF;
        if (protocol != FrameCodec.VERSION || blobFormat != BlobWriter.VERSION) {
            throw new DeviceException("the board speaks protocol " + protocol + " and model format " + blobFormat
                    + ", this library " + FrameCodec.VERSION + " and " + BlobWriter.VERSION + ": flash matching firmware");
        }
        return Math.max(SerialLink.DEFAULT_MAX_PAYLOAD, b.getInt(8));
    }

    /** The name it was opened with, e.g. "host". */
    public String name() {
        return board.name();
    }

    public synchronized DeviceInfo info() {
        return DeviceInfo.parse(command(Commands.INFO, new byte[0]));
    }

    /** A request without inference work, on an open Device. */
    private Packet command(int code, byte[] payload) {
        ensureOpen();
        return link.request(code, payload, board.pace().millis(payload.length + ANSWER_BYTES, 0));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this Device (" + board.name() + ") was closed: open another with Device.open(\""
                    + board.name() + "\")");
        }
    }

    /** Flash and RAM of the firmware image, for boards built here from an ELF (qemu-m4). */
    public synchronized Optional<ElfSize> firmwareSize() {
        return board instanceof QemuBoard q ? Optional.of(q.elfSize()) : Optional.empty();
    }

    /** Uploads a quantized model (see {@link #deploy(Graph)}). */
    public synchronized Deployment deploy(QuantizedModel q) {
        return deploy(q.graph());
    }

    /**
     * Uploads the model as a blob (docs/model-format.md) in acknowledged chunks; the board checks the
     * whole blob's CRC and every field before the model becomes the one INFER runs.
     */
    public synchronized Deployment deploy(Graph graph) {
        byte[] blob = BlobWriter.write(graph);
        int arena = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        DeviceInfo info = info();
        if (info.arenaCapacity() > 0 && arena > info.arenaCapacity()) {
            throw new DeviceException("the model needs an arena of " + arena + " bytes for its activations, "
                    + board.name() + " has " + info.arenaCapacity() + ": use fewer filters or pool earlier");
        }
        int inputBytes = graph.tensors().get(graph.input()).bytes();
        int outputBytes = graph.tensors().get(graph.output()).bytes();
        if (inputBytes > maxPayload || outputBytes > maxPayload - 12) {
            throw new DeviceException("the model's input (" + inputBytes + " bytes) or output (" + outputBytes
                    + " bytes) does not fit one frame of " + board.name() + " (" + maxPayload + " bytes): use a smaller input");
        }
        refuseIfTooLarge(blob, info);   // before forgetting the model the board still runs
        model = null;
        modelWork = UNKNOWN_WORK;
        deployment = null;
        long start = System.nanoTime();
        long crc = upload(blob, info);
        long uploadMillis = (System.nanoTime() - start) / 1_000_000L;
        model = graph;
        modelWork = Pace.work(graph);
        deployment = new Deployment(board.name(), crc, blob.length, arena, inputBytes, outputBytes, uploadMillis);
        return deployment;
    }

    /** LOAD_BEGIN, the chunks, LOAD_END; returns the model id (the blob's CRC). Tests send broken blobs this way. */
    long upload(byte[] blob, DeviceInfo info) {
        refuseIfTooLarge(blob, info);
        long crc = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(blob.length - 4) & 0xFFFFFFFFL;
        Packet begin = command(Commands.LOAD_BEGIN, ints(blob.length, (int) crc));
        int chunk = Math.min(begin.body().getInt(0), maxPayload - 4);
        if (chunk <= 0) {
            throw new DeviceException("the board takes chunks of " + chunk + " bytes: its firmware is broken");
        }
        sendChunks(blob, chunk);
        loadEnd(crc);
        return crc;
    }

    private void refuseIfTooLarge(byte[] blob, DeviceInfo info) {
        if (info.maxModelBytes() > 0 && blob.length > info.maxModelBytes()) {
            throw new DeviceException("the model blob is " + blob.length + " bytes, " + board.name() + " accepts at most "
                    + info.maxModelBytes() + ": use fewer filters or a smaller dense layer");
        }
    }

    private void sendChunks(byte[] blob, int chunk) {
        int offset = 0;
        while (offset < blob.length) {
            int n = Math.min(chunk, blob.length - offset);
            byte[] payload = new byte[4 + n];
            ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).putInt(offset).put(blob, offset, n);
            try {
                int received = command(Commands.LOAD_CHUNK, payload).body().getInt(0);
                offset = received;   // the board's count: equals offset + n unless a resent chunk overlapped
            } catch (BoardError e) {
                if (e.code() != BoardError.BAD_OFFSET) {
                    throw e;
                }
                offset = (int) e.detail();   // a gap: resume where the board is
            }
        }
    }

    /**
     * LOAD_END. NOT_LOADING can only mean that an earlier try of this LOAD_END succeeded and its answer
     * was lost (the link sent it again): INFO then tells whether the model is loaded.
     */
    private void loadEnd(long crc) {
        long loaded;
        try {
            loaded = command(Commands.LOAD_END, new byte[0]).body().getInt(0) & 0xFFFFFFFFL;
        } catch (BoardError e) {
            if (e.code() != BoardError.NOT_LOADING) {
                throw e;
            }
            DeviceInfo info = info();
            loaded = info.modelLoaded() ? info.modelCrc() : -1;
        }
        if (loaded != crc) {
            throw new DeviceException(String.format("the board holds model %08x, not the %08x just sent: deploy again", loaded, crc));
        }
    }

    /** Runs the deployed model on int8 input bytes (NHWC, the input tensor's quantization). */
    public synchronized DeviceResult predictRaw(byte[] input) {
        ensureOpen();
        if (model != null) {
            int expected = model.tensors().get(model.input()).bytes();
            if (input.length != expected) {
                throw new IllegalArgumentException("input of " + input.length + " bytes, the deployed model takes "
                        + expected + " (shape " + model.tensors().get(model.input()).shape() + ")");
            }
        }
        int expectedOutput = deployment != null ? deployment.outputBytes() : maxPayload;
        Packet answer = link.request(Commands.INFER, input, board.pace().millis(input.length + expectedOutput + ANSWER_BYTES, modelWork));
        int outputBytes = deployment != null ? deployment.outputBytes() : answer.payload().length - 12;
        return DeviceResult.parse(answer, outputBytes);
    }

    /** Quantizes the input as the deployed model's input tensor says, runs it, and reads the output as class scores. */
    public synchronized DevicePrediction predict(Tensor x) {
        ensureOpen();
        if (model == null) {
            throw new IllegalStateException("no model deployed from this Device: call deploy(q) first");
        }
        DeviceResult result = predictRaw(QuantizedModel.quantizeInput(model.tensors().get(model.input()), x));
        byte[] raw = result.output();
        Prediction answer = QuantizedModel.prediction(model.tensors().get(model.output()), raw);
        return new DevicePrediction(answer.label(), answer.scores(), raw, result.time(), result.time().micros(clockHz));
    }

    public synchronized DeviceStats stats() {
        return DeviceStats.parse(command(Commands.STATS, new byte[0]));
    }

    /** Unloads the model, abandons a load and zeroes the board's statistics. */
    public synchronized void reset() {
        command(Commands.RESET, new byte[0]);
        model = null;
        modelWork = UNKNOWN_WORK;
        deployment = null;
    }

    /** The board behind this Device (tests stop and resume its process). */
    Board board() {
        return board;
    }

    /** Bytes straight onto the wire, bypassing framing (tests use it to send garbage). */
    void sendRaw(byte[] bytes) {
        link.sendRaw(bytes);
    }

    /** One request as the protocol frames it (tests use it for requests the API never sends). */
    Packet request(int command, byte[] payload) {
        return command(command, payload);
    }

    private static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            link.close();
        } finally {
            board.close();
        }
    }

    @Override
    public String toString() {
        return "Device " + board.name() + " on " + link.path() + (closed ? ", closed" : deployment == null ? ", no model" : ", " + deployment);
    }
}
