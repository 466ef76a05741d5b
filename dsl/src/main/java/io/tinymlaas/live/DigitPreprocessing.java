package io.tinymlaas.live;

import io.tinymlaas.data.Shape;
import io.tinymlaas.data.Tensor;

import java.awt.image.BufferedImage;

/**
 * Turns a drawing into a model input the way MNIST's digits were made: the ink's bounding box is
 * scaled (aspect kept, area-averaged, so edges get grey levels) to fit a 20×20 box, then placed in
 * a 28×28 image so that its centre of mass is at the centre. Light ink on a dark ground, as MNIST;
 * a picture with dark ink on a light ground is inverted first.
 */
public final class DigitPreprocessing {
    static final int SIZE = 28;
    static final int BOX = 20;
    /** Grey level (0..1) from which a pixel counts as ink for the bounding box. */
    static final float INK = 0.1f;

    private DigitPreprocessing() {
    }

    /** A drawing as a (28, 28, 1) tensor in [0, 1]; an empty drawing is refused. */
    public static Tensor mnist(BufferedImage drawing) {
        float[][] grey = grey(drawing);
        int h = grey.length;
        int w = grey[0].length;
        int top = h, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grey[y][x] >= INK) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            throw new IllegalArgumentException("the drawing is empty (no pixel of " + w + "x" + h
                    + " is darker/lighter than its background): draw a digit first");
        }
        int boxW = right - left + 1;
        int boxH = bottom - top + 1;
        double scale = (double) BOX / Math.max(boxW, boxH);
        int outW = Math.max(1, (int) Math.round(boxW * scale));
        int outH = Math.max(1, (int) Math.round(boxH * scale));
        float[][] small = areaAverage(grey, left, top, boxW, boxH, outW, outH);
        return centred(small);
    }

    /** Grey levels in [0, 1], ink bright: luminance, inverted when the border is mostly light. */
    static float[][] grey(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[][] g = new float[h][w];
        double border = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float alpha = ((argb >>> 24) & 255) / 255f;
                float lum = (0.299f * ((argb >> 16) & 255) + 0.587f * ((argb >> 8) & 255) + 0.114f * (argb & 255)) / 255f;
                // A transparent pixel is background, whatever its colour.
                g[y][x] = image.getColorModel().hasAlpha() ? lum * alpha : lum;
                if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
                    border += g[y][x];
                }
            }
        }
        if (border / (2.0 * (w + h) - 4) > 0.5) {
            for (float[] row : g) {
                for (int x = 0; x < w; x++) {
                    row[x] = 1 - row[x];
                }
            }
        }
        return g;
    }

    /** The box (left, top, boxW × boxH) of {@code g} resampled to outW × outH by averaging the area each output pixel covers. */
    static float[][] areaAverage(float[][] g, int left, int top, int boxW, int boxH, int outW, int outH) {
        float[][] out = new float[outH][outW];
        double sx = (double) boxW / outW;
        double sy = (double) boxH / outH;
        for (int oy = 0; oy < outH; oy++) {
            double y0 = oy * sy;
            double y1 = y0 + sy;
            for (int ox = 0; ox < outW; ox++) {
                double x0 = ox * sx;
                double x1 = x0 + sx;
                double sum = 0;
                for (int y = (int) y0; y < Math.min(boxH, Math.ceil(y1)); y++) {
                    double wy = Math.min(y1, y + 1) - Math.max(y0, y);
                    for (int x = (int) x0; x < Math.min(boxW, Math.ceil(x1)); x++) {
                        double wx = Math.min(x1, x + 1) - Math.max(x0, x);
                        sum += wx * wy * g[top + y][left + x];
                    }
                }
                out[oy][ox] = (float) Math.min(1, sum / (sx * sy));
            }
        }
        return out;
    }

    /** {@code small} placed in 28×28 with its centre of mass at the centre (kept inside the frame). */
    static Tensor centred(float[][] small) {
        int h = small.length;
        int w = small[0].length;
        double mass = 0, cx = 0, cy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mass += small[y][x];
                cx += (x + 0.5) * small[y][x];
                cy += (y + 0.5) * small[y][x];
            }
        }
        int dx = clamp((int) Math.round(SIZE / 2.0 - cx / mass), SIZE - w);
        int dy = clamp((int) Math.round(SIZE / 2.0 - cy / mass), SIZE - h);
        float[] data = new float[SIZE * SIZE];
        for (int y = 0; y < h; y++) {
            System.arraycopy(small[y], 0, data, (y + dy) * SIZE + dx, w);
        }
        return Tensor.of(Shape.of(SIZE, SIZE, 1), data);
    }

    private static int clamp(int offset, int max) {
        return Math.max(0, Math.min(max, offset));
    }
}
