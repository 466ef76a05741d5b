package io.tinymlaas.kernel.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of a cell's lines that is either one magic line ({@code %name args}) or Java code.
 * {@code firstLine} is 0-based within the cell.
 */
record CellSegment(boolean magic, String text, int firstLine) {

    /** Splits a cell at its magic lines, keeping the Java in between together. */
    static List<CellSegment> of(String cell) {
        List<CellSegment> segments = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (isMagic(lines[i])) {
                addJava(segments, java, javaStart);
                segments.add(new CellSegment(true, lines[i].strip(), i));
                javaStart = i + 1;
            } else {
                java.append(lines[i]).append('\n');
            }
        }
        addJava(segments, java, javaStart);
        return segments;
    }

    static boolean isMagic(String line) {
        String s = line.stripLeading();
        return s.length() > 1 && s.charAt(0) == '%' && Character.isJavaIdentifierStart(s.charAt(1));
    }

    private static void addJava(List<CellSegment> segments, StringBuilder java, int start) {
        if (!java.toString().isBlank()) {
            segments.add(new CellSegment(false, java.toString(), start));
        }
        java.setLength(0);
    }
}
