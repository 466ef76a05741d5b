package io.tinymlaas.data;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Images to input tensors (pixels scaled to [0, 1], as the datasets are) and back for display. */
public final class Images {
    private Images() {
    }

    /** A grey image given as rows of pixels in [0, 1] → a tensor of shape (rows, columns, 1). */
    public static Tensor tensor(float[][] pixels) {
        int h = pixels.length;
        int w = pixels[0].length;
        float[] data = new float[h * w];
        for (int y = 0; y < h; y++) {
            if (pixels[y].length != w) {
                throw new IllegalArgumentException("row " + y + " has " + pixels[y].length
                        + " pixels, row 0 has " + w + ": an image needs rows of equal length");
            }
            System.arraycopy(pixels[y], 0, data, y * w, w);
        }
        return Tensor.of(Shape.of(h, w, 1), data);
    }

    /** A grey image given as rows of 0..255 values → a tensor of shape (rows, columns, 1) in [0, 1]. */
    public static Tensor tensor(int[][] pixels) {
        float[][] scaled = new float[pixels.length][];
        for (int y = 0; y < pixels.length; y++) {
            scaled[y] = new float[pixels[y].length];
            for (int x = 0; x < pixels[y].length; x++) {
                scaled[y][x] = pixels[y][x] / 255f;
            }
        }
        return tensor(scaled);
    }

    /**
     * An image file (PNG, JPEG, ...) → a tensor of {@code shape} (height, width, 1 for grey or 3
     * for RGB), resized when the sizes differ.
     */
    public static Tensor read(Path file, Shape shape) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException(file + " is not an image Java can read (PNG, JPEG, GIF, BMP)");
        }
        return tensor(image, shape);
    }

    /** A picture → a tensor of {@code shape} (height, width, 1 or 3), resized when the sizes differ. */
    public static Tensor tensor(BufferedImage image, Shape shape) {
        if (!isImage(shape)) {
            throw new IllegalArgumentException("an image tensor needs a shape (height, width, 1 or 3), not " + shape);
        }
        int h = shape.dim(0);
        int w = shape.dim(1);
        int c = shape.dim(2);
        BufferedImage sized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = sized.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        float[] data = new float[h * w * c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = sized.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int gr = (rgb >> 8) & 255;
                int b = rgb & 255;
                int at = (y * w + x) * c;
                if (c == 1) {
                    data[at] = (0.299f * r + 0.587f * gr + 0.114f * b) / 255f;
                } else {
                    data[at] = r / 255f;
                    data[at + 1] = gr / 255f;
                    data[at + 2] = b / 255f;
                }
            }
        }
        return Tensor.of(shape, data);
    }

    /** A tensor of shape (height, width, 1 or 3) with values in [0, 1] → a picture (values clamped). */
    public static BufferedImage toImage(Tensor t) {
        Shape s = t.shape();
        if (!isImage(s)) {
            throw new IllegalArgumentException("only (height, width, 1 or 3) tensors are images, not " + s);
        }
        int h = s.dim(0);
        int w = s.dim(1);
        int c = s.dim(2);
        float[] d = t.data();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = (y * w + x) * c;
                int r = byteOf(d[at]);
                int g = c == 1 ? r : byteOf(d[at + 1]);
                int b = c == 1 ? r : byteOf(d[at + 2]);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    static boolean isImage(Shape s) {
        return s.rank() == 3 && (s.dim(2) == 1 || s.dim(2) == 3);
    }

    /** PNG bytes of {@code image} scaled up {@code zoom} times (nearest neighbour, so pixels stay sharp). */
    static byte[] png(BufferedImage image, int zoom) {
        BufferedImage big = new BufferedImage(image.getWidth() * zoom, image.getHeight() * zoom,
                BufferedImage.TYPE_INT_RGB);
        var g = big.createGraphics();
        g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(big, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int byteOf(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
