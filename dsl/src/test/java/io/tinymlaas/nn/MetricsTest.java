package io.tinymlaas.nn;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTest {

    @Test
    void precisionRecallAndAccuracyComeFromTheConfusionMatrix() {
        Metrics m = new Metrics(10, 0.5, 7, new int[][]{{4, 1}, {2, 3}}, List.of("cat", "dog"));
        assertEquals(0.7, m.accuracy(), 1e-12);
        assertEquals(4.0 / 6, m.precision(0), 1e-12);
        assertEquals(3.0 / 5, m.recall(1), 1e-12);
        assertEquals(2, m.count(1, 0));
    }

    @Test
    void changingTheArraysItWasMadeFromOrGaveOutChangesNothing() {
        int[][] counts = {{4, 1}, {2, 3}};
        List<String> names = new ArrayList<>(List.of("cat", "dog"));
        Metrics m = new Metrics(10, 0.5, 7, counts, names);
        counts[0][0] = 100;
        names.set(0, "fox");
        m.confusion()[1][1] = 100;
        assertEquals(4, m.count(0, 0));
        assertEquals(3, m.count(1, 1));
        assertEquals("cat", m.classNames().get(0));
    }
}
