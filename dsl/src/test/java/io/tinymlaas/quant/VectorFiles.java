package io.tinymlaas.quant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A line of a vector file and the numbers its pattern's groups caught. */
    public record Match(String line, int[] values) {
    }

    /** The lines of {@code resource} that {@code pattern} matches whole, each with its groups read as ints. */
    public static List<Match> matching(String resource, Pattern pattern) throws IOException {
        List<Match> found = new ArrayList<>();
        for (String line : lines(resource)) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                int[] values = new int[m.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Integer.parseInt(m.group(i + 1));
                }
                found.add(new Match(line, values));
            }
        }
        return found;
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
