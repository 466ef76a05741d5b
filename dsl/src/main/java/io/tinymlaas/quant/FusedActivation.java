package io.tinymlaas.quant;

/** An activation folded into the op before it as an int8 clamp, as TFLite fuses it. */
public enum FusedActivation {
    NONE, RELU, RELU6;

    private static final int INT8_MIN = -128;
    private static final int INT8_MAX = 127;

    /** TFLM's CalculateActivationRangeQuantized for an int8 output of this scale and zero point: {min, max}. */
    public int[] range(float scale, int zeroPoint) {
        return switch (this) {
            case NONE -> new int[] {INT8_MIN, INT8_MAX};
            case RELU -> new int[] {Math.max(INT8_MIN, TflmParams.quantize(0.0f, scale, zeroPoint)), INT8_MAX};
            case RELU6 -> new int[] {Math.max(INT8_MIN, TflmParams.quantize(0.0f, scale, zeroPoint)),
                    Math.min(INT8_MAX, TflmParams.quantize(6.0f, scale, zeroPoint))};
        };
    }
}
