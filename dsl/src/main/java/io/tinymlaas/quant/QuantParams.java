package io.tinymlaas.quant;

import io.tinymlaas.quant.arith.TflmArith;

/**
 * Scale and zero point of an int8 activation tensor: real = scale · (q − zeroPoint).
 * Made from an observed range as TFLite's converter makes them: the range is widened to hold
 * 0.0, scale = (max − min) / 255, and the zero point is nudged to the integer that makes 0.0
 * exactly representable (so zero padding and ReLU lose nothing).
 */
public record QuantParams(float scale, int zeroPoint) {
    static final int QMIN = -128;
    static final int QMAX = 127;

    /** Softmax output: probabilities in [0, 1) on the int8 grid, as TFLM requires. */
    public static final QuantParams SOFTMAX_OUTPUT = new QuantParams(1f / 256, -128);

    /**
     * Asymmetric int8 parameters for values seen in [min, max]. A range that is (all but) only
     * 0.0 gets scale 1 and zero point -128, as TFLite does, instead of a zero scale.
     */
    public static QuantParams asymmetric(float min, float max) {
        if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
            throw new IllegalArgumentException("cannot quantize the range [" + min + ", " + max
                    + "]: the calibration produced non-finite or empty values");
        }
        double rmin = Math.min(min, 0.0);
        double rmax = Math.max(max, 0.0);
        if (rmax - rmin < Math.ulp(1.0)) {
            return new QuantParams(1f, QMIN);
        }
        double scale = (rmax - rmin) / (QMAX - QMIN);
        // Take the zero point from whichever end of the range gives the smaller error, then nudge it to an integer.
        double zeroFromMin = QMIN - rmin / scale;
        double zeroFromMinError = Math.abs(QMIN) + Math.abs(rmin / scale);
        double zeroFromMax = QMAX - rmax / scale;
        double zeroFromMaxError = Math.abs(QMAX) + Math.abs(rmax / scale);
        double zero = zeroFromMinError < zeroFromMaxError ? zeroFromMin : zeroFromMax;
        int nudged = zero < QMIN ? QMIN : zero > QMAX ? QMAX : (int) TflmArith.round(zero);
        return new QuantParams((float) scale, nudged);
    }

    /** TFLM's Quantize: round(x / scale) in float, plus the zero point, clamped to int8. */
    public byte quantize(float x) {
        long q = (long) TflmArith.round(x / scale) + zeroPoint;
        return (byte) Math.max(QMIN, Math.min(QMAX, q));
    }

    public float dequantize(byte q) {
        return scale * (q - zeroPoint);
    }
}
