package io.tinymlaas.quant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the TFLM vector files kept in test resources under int8/. */
public final class VectorFiles {
    private VectorFiles() {
    }

    public static List<String> lines(String resource) throws IOException {
        try (InputStream in = VectorFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " is missing");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** Space-separated int8 values, e.g. " -128 -100 5". */
    public static byte[] bytes(String numbers) {
        String[] parts = numbers.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v < -128 || v > 127) {
                throw new IllegalArgumentException(v + " is not an int8");
            }
            b[i] = (byte) v;
        }
        return b;
    }
}
