package io.tinymlaas.device;

/** Request codes of the serial protocol (docs/protocol.md); an answer's code is the request's | 0x80. */
final class Commands {
    static final int HELLO = 0x01;
    static final int INFO = 0x02;
    static final int LOAD_BEGIN = 0x10;
    static final int LOAD_CHUNK = 0x11;
    static final int LOAD_END = 0x12;
    static final int INFER = 0x20;
    static final int STATS = 0x30;
    static final int RESET = 0x40;
    static final int ANSWER = 0x80;
    static final int ERROR = 0xFF;

    private Commands() {
    }

    static String name(int code) {
        return switch (code) {
            case 0 -> "an unreadable frame";
            case HELLO -> "HELLO";
            case INFO -> "INFO";
            case LOAD_BEGIN -> "LOAD_BEGIN";
            case LOAD_CHUNK -> "LOAD_CHUNK";
            case LOAD_END -> "LOAD_END";
            case INFER -> "INFER";
            case STATS -> "STATS";
            case RESET -> "RESET";
            default -> String.format("command 0x%02x", code);
        };
    }
}
