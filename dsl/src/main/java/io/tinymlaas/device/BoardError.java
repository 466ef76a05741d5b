package io.tinymlaas.device;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The board answered a request with an ERROR packet (docs/protocol.md, "Answers"). */
public final class BoardError extends DeviceException {
    /** Protocol error codes, index = code. */
    private static final String[] NAMES = {"code 0", "BAD_CRC", "FRAMING", "OVERSIZE", "BAD_VERSION", "UNKNOWN_COMMAND",
        "BAD_LENGTH", "NO_MODEL", "NOT_LOADING", "MODEL_TOO_BIG", "BAD_OFFSET", "LOAD_INCOMPLETE", "MODEL_CRC", "BAD_BLOB", "IO_TOO_BIG"};
    /** Blob loader status codes (docs/model-format.md), index = code. */
    private static final String[] LOADER = {"TM_OK", "TM_E_TOO_SHORT", "TM_E_MAGIC", "TM_E_VERSION", "TM_E_SIZE",
        "TM_E_CRC", "TM_E_RESERVED", "TM_E_COUNT", "TM_E_TENSOR_INDEX", "TM_E_SHAPE", "TM_E_ZERO_POINT",
        "TM_E_ARENA_CAPACITY", "TM_E_ARENA_BOUNDS", "TM_E_OPCODE", "TM_E_WINDOW", "TM_E_ACTIVATION",
        "TM_E_PARAM_COUNT", "TM_E_DATA_BOUNDS", "TM_E_SHIFT", "TM_E_OP_SHAPE", "TM_E_DATAFLOW", "TM_E_ALIAS",
        "TM_E_SOFTMAX"};

    /** Error codes of protocol version 1, as {@link #code()} returns them. */
    public static final int BAD_CRC = 1;
    public static final int FRAMING = 2;
    public static final int OVERSIZE = 3;
    public static final int BAD_VERSION = 4;
    public static final int UNKNOWN_COMMAND = 5;
    public static final int BAD_LENGTH = 6;
    public static final int NO_MODEL = 7;
    public static final int NOT_LOADING = 8;
    public static final int MODEL_TOO_BIG = 9;
    public static final int BAD_OFFSET = 10;
    public static final int LOAD_INCOMPLETE = 11;
    public static final int MODEL_CRC = 12;
    public static final int BAD_BLOB = 13;
    public static final int IO_TOO_BIG = 14;

    private final int code;
    private final int request;
    private final int sub;
    private final long detail;

    private BoardError(int code, int request, int sub, long detail, String text) {
        super(describe(code, request, sub, detail, text));
        this.code = code;
        this.request = request;
        this.sub = sub;
        this.detail = detail;
    }

    static BoardError of(Packet answer) {
        ByteBuffer b = answer.body();
        if (b.remaining() < 8) {
            return new BoardError(0, 0, 0, 0, "error packet of " + b.remaining() + " bytes");
        }
        int code = b.get() & 0xFF;
        int request = b.get() & 0xFF;
        int sub = b.getShort() & 0xFFFF;
        long detail = b.getInt() & 0xFFFFFFFFL;
        String text = new String(answer.payload(), 8, b.remaining(), StandardCharsets.US_ASCII);
        return new BoardError(code, request, sub, detail, text);
    }

    /** The protocol error code, e.g. 13 for BAD_BLOB. */
    public int code() {
        return code;
    }

    public String codeName() {
        return name(NAMES, code);
    }

    /** The request code it answers; 0 when the board could not read the frame. */
    public int request() {
        return request;
    }

    /** For BAD_BLOB the loader status (docs/model-format.md); otherwise 0. */
    public int sub() {
        return sub;
    }

    public String loaderStatusName() {
        return name(LOADER, sub);
    }

    public long detail() {
        return detail;
    }

    /** The board could not read the frame it answers (garbage, bad CRC, oversize): the request may be sent again. */
    boolean isUnreadableFrame() {
        return request == 0;
    }

    private static String describe(int code, int request, int sub, long detail, String text) {
        String what = name(NAMES, code) + (code == BAD_BLOB
                ? " (loader status " + sub + " " + name(LOADER, sub) + " at blob byte " + detail + ")"
                : " (detail " + detail + ")");
        return "the board answered " + Commands.name(request) + " with " + what + (text.isEmpty() ? "" : ": " + text);
    }

    private static String name(String[] names, int code) {
        return code >= 0 && code < names.length ? names[code] : "code " + code;
    }
}
