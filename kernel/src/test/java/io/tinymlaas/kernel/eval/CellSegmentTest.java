package io.tinymlaas.kernel.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CellSegmentTest {

    @Test
    void magicLinesSplitTheJavaAroundThem() {
        List<CellSegment> segments = CellSegment.of("int a = 1;\n%target esp32\nint b = 2;\nint c = 3;");
        assertEquals(3, segments.size());
        assertEquals(new CellSegment(false, "int a = 1;\n", 0), segments.get(0));
        assertEquals(new CellSegment(true, "%target esp32", 1), segments.get(1));
        assertEquals(new CellSegment(false, "int b = 2;\nint c = 3;\n", 2), segments.get(2));
    }

    @Test
    void moduloIsNotAMagic() {
        assertFalse(CellSegment.isMagic("  % 2"));
        assertFalse(CellSegment.isMagic("a % b"));
        assertEquals(1, CellSegment.of("int r = 7\n  % 2;").size());
    }
}
