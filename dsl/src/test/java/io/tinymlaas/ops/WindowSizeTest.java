package io.tinymlaas.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** TFLM's output size and SAME padding, which the layers, the kernels' windows and the .tflite reader share. */
class WindowSizeTest {
    @Test
    void validGivesNoOutputWhenTheFilterDoesNotFitAndSameRoundsUp() {
        assertEquals(13, TflmParams.outSize(false, 28, 3, 2));
        assertEquals(14, TflmParams.outSize(true, 28, 3, 2));
        // (2 − 3) / 2 + 1 would be 1: TFLM's (in + stride − filter) / stride is 0, a window that does not fit.
        assertEquals(0, TflmParams.outSize(false, 2, 3, 2));
        assertEquals(1, TflmParams.outSize(true, 2, 3, 2));
        // 5 wide, 2 stride 2 SAME: 3 columns, the odd total padding of 1 goes right, none left.
        assertEquals(3, TflmParams.outSize(true, 5, 2, 2));
        assertEquals(0, TflmParams.samePadding(2, 5, 2, 3));
        assertEquals(1, TflmParams.samePadding(1, 4, 3, 4));
    }
}
