package io.tinymlaas.quant;

/** The int8 operators the runtime executes; codes are TFLite's builtin operator codes. */
public enum OpKind {
    AVERAGE_POOL_2D(1),
    CONV_2D(3),
    DEPTHWISE_CONV_2D(4),
    FULLY_CONNECTED(9),
    MAX_POOL_2D(17),
    RESHAPE(22),
    SOFTMAX(25);

    private final int code;

    OpKind(int code) {
        this.code = code;
    }

    /** TFLite's BuiltinOperator value, also the op code of the model blob. */
    public int code() {
        return code;
    }

    public static OpKind ofCode(int code) {
        for (OpKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("no int8 operator has code " + code);
    }
}
