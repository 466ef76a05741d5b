package io.tinymlaas.kernel.display;

import io.tinymlaas.live.Link;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * What every cell can call (statically imported): show objects, update or clear them, and wrap
 * HTML, Markdown and images so they display as such.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} now, as a cell's final value would show. */
    public static void display(Object value) {
        Displays.sink().display(value, null);
    }

    /** Shows {@code value} under {@code id} so that {@link #updateDisplay} can replace it; returns the id. */
    public static String display(Object value, String id) {
        String displayId = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        Displays.sink().display(value, displayId);
        return displayId;
    }

    /** Replaces what was shown under {@code id}, wherever in the notebook it is. */
    public static void updateDisplay(String id, Object value) {
        Displays.sink().update(id, value);
    }

    /** Clears this cell's output so far. */
    public static void clearOutput() {
        Displays.sink().clear();
    }

    /**
     * Opens a Jupyter comm from the kernel to {@code target}, a comm target the page registered
     * (messaging spec 5.3); messages both ways are maps. Closing it sends comm_close.
     */
    public static Link comm(String target, Map<String, ?> data) {
        return Displays.openComm(target, data == null ? Map.of() : data);
    }

    public static MimeContent html(String html) {
        return new MimeContent("text/html", html, html);
    }

    public static MimeContent markdown(String markdown) {
        return new MimeContent("text/markdown", markdown, markdown);
    }

    public static MimeContent image(byte[] png) {
        return new MimeContent("image/png", Base64.getEncoder().encodeToString(png), "image (" + png.length + " bytes PNG)");
    }

    public static MimeContent image(RenderedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return image(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image as PNG", e);
        }
    }

    /** A PNG (or any image ImageIO reads) from a file. */
    public static MimeContent image(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return file.toString().toLowerCase().endsWith(".png") ? image(bytes) : image(ImageIO.read(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
