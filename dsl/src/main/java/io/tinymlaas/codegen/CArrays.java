package io.tinymlaas.codegen;

/** C99 source text for constant arrays and literals, wrapped to readable lines. */
final class CArrays {
    private static final int PER_LINE = 16;

    private CArrays() {
    }

    static String int8(String name, byte[] values) {
        StringBuilder s = new StringBuilder("static const int8_t " + name + "[" + values.length + "] = {");
        for (int i = 0; i < values.length; i++) {
            s.append(i % PER_LINE == 0 ? "\n    " : " ").append(values[i]).append(',');
        }
        return s.append("\n};\n").toString();
    }

    static String int32(String name, int[] values) {
        StringBuilder s = new StringBuilder("static const int32_t " + name + "[" + values.length + "] = {");
        for (int i = 0; i < values.length; i++) {
            s.append(i % (PER_LINE / 2) == 0 ? "\n    " : " ").append(int32(values[i])).append(',');
        }
        return s.append("\n};\n").toString();
    }

    /** INT32_MIN has no literal of its own in C: -2147483648 is the negation of a long. */
    static String int32(int value) {
        return value == Integer.MIN_VALUE ? "INT32_MIN" : Integer.toString(value);
    }

    /** The exact float as a C99 hexadecimal literal. */
    static String float32(float value) {
        return Float.toHexString(value) + "f";
    }

    /** Text safe inside a C block comment. */
    static String comment(String text) {
        return text.replace("*/", "* /");
    }
}
