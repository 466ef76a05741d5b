package io.tinymlaas.graph;

import java.util.Arrays;

/**
 * How integers stand for reals, as TFLite records it: real = scales[c] · (q − zeroPoints[c]),
 * one entry for a per-tensor quantization, one per index of dimension {@code axis} for a
 * per-channel one (int8 filters: zero points all 0).
 */
public record Quantization(float[] scales, int[] zeroPoints, int axis) {
    public Quantization {
        if (scales.length == 0 || scales.length != zeroPoints.length) {
            throw new IllegalArgumentException(scales.length + " scales and " + zeroPoints.length
                    + " zero points: a quantization needs one of each per channel");
        }
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
    }

    public static Quantization perTensor(float scale, int zeroPoint) {
        return new Quantization(new float[] {scale}, new int[] {zeroPoint}, 0);
    }

    /** Symmetric per channel along {@code axis}: zero points 0. */
    public static Quantization perChannel(float[] scales, int axis) {
        return new Quantization(scales, new int[scales.length], axis);
    }

    public boolean isPerChannel() {
        return scales.length > 1;
    }

    /** The scale of a per-tensor quantization. */
    public float scale() {
        return scales[0];
    }

    /** The zero point of a per-tensor quantization. */
    public int zeroPoint() {
        return zeroPoints[0];
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public int[] zeroPoints() {
        return zeroPoints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantization q && axis == q.axis && Arrays.equals(scales, q.scales)
                && Arrays.equals(zeroPoints, q.zeroPoints);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scales) + Arrays.hashCode(zeroPoints) + axis;
    }

    @Override
    public String toString() {
        return isPerChannel() ? "per-channel(" + scales.length + " scales, axis " + axis + ")"
                : "scale " + scale() + ", zero point " + zeroPoint();
    }
}
