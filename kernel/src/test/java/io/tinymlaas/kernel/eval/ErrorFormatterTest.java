package io.tinymlaas.kernel.eval;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorFormatterTest {

    @Test
    void aFrameRepeatedOnceIsShownOnceWithoutACount() {
        assertEquals(List.of("a", "b"), ErrorFormatter.compress(List.of("a", "a", "b")));
    }

    @Test
    void recursionShowsItsFrameAndHowOftenItRepeats() {
        assertEquals(List.of("a", "    ... the same frame 4 more times", "z"),
                ErrorFormatter.compress(List.of("a", "a", "a", "a", "a", "z")));
    }

    @Test
    void aCycleOfSeveralFramesIsFoldedToOneRound() {
        List<String> lines = new java.util.ArrayList<>(List.of("top"));
        lines.addAll(Collections.nCopies(300, List.of("toString", "valueOf")).stream().flatMap(List::stream).toList());
        lines.add("cell");
        assertEquals(List.of("top", "toString", "valueOf", "    ... the 2 frames above 299 more times", "cell"),
                ErrorFormatter.compress(lines));
    }

    @Test
    void twoFramesCalledTwiceStayAsTheyAre() {
        assertEquals(List.of("a", "b", "a", "b"), ErrorFormatter.compress(List.of("a", "b", "a", "b")));
    }
}
