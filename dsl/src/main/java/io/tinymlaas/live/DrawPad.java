package io.tinymlaas.live;

import io.tinymlaas.Html;
import io.tinymlaas.data.Tensor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A canvas to draw a digit on (mouse or touch), with a Clear button. Each finished stroke sends the
 * drawing to Java, which turns it into a 28×28 input with MNIST's own preprocessing
 * ({@link DigitPreprocessing}), calls the callback given to {@link #onDraw} and shows its answer
 * under the pad, updated in place: the image the model saw, the label, the scores as bars, the
 * board's microseconds.
 * <pre>
 *   var pad = DrawPad.digits().onDraw(img -> board.predict(img));
 *   pad                       // shows the pad in the cell
 *   pad.draw(picture)         // the same from Java: a BufferedImage "drawn" on the pad
 * </pre>
 */
public final class DrawPad implements LiveView {
    private static final int CANVAS = 280;
    private static final String DATA_URL = "data:image/png;base64,";

    private final String id = "pad-" + UUID.randomUUID();
    private final List<String> classNames;
    private volatile Function<Tensor, ?> callback;
    private volatile Link link;
    private volatile PadAnswer last;

    private DrawPad(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    /** A pad for the digits 0..9 (MNIST's 28×28 inputs). */
    public static DrawPad digits() {
        return new DrawPad(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    /** What to do with each drawing: e.g. {@code img -> board.predict(img)} or {@code img -> q.predict(img)}. */
    public DrawPad onDraw(Function<Tensor, ?> callback) {
        if (callback == null) {
            throw new IllegalArgumentException("onDraw(null): give a function, e.g. img -> board.predict(img)");
        }
        this.callback = callback;
        return this;
    }

    /**
     * Draws {@code picture} on the pad as if by hand: preprocessed, answered by the callback, shown
     * under the pad in the browser (when one is connected). Returns the answer, which also displays.
     */
    public PadAnswer draw(BufferedImage picture) {
        PadAnswer answer = answer(picture);
        Link current = link;
        if (current != null && current.isOpen()) {
            current.send(Map.of("type", "answer", "html", answer.toHtml(), "label", answer.labelName()));
        }
        return answer;
    }

    /** The last answer the pad gave, from the browser or from {@link #draw}. */
    public Optional<PadAnswer> lastAnswer() {
        return Optional.ofNullable(last);
    }

    private PadAnswer answer(BufferedImage picture) {
        Tensor input = null;
        PadAnswer answer;
        try {
            input = DigitPreprocessing.mnist(picture);
            Function<Tensor, ?> f = callback;
            if (f == null) {
                answer = PadAnswer.failed(input, "nothing answers this pad yet: give it a callback, "
                        + "e.g. pad.onDraw(img -> board.predict(img))", classNames);
            } else {
                answer = PadAnswer.of(input, f.apply(input), classNames);
            }
        } catch (RuntimeException e) {
            // The board closed or vanished, an empty drawing...: said under the pad, the pad goes on.
            answer = PadAnswer.failed(input, e.getMessage() == null ? e.toString() : e.getMessage(), classNames);
        }
        last = answer;
        return answer;
    }

    @Override
    public String viewId() {
        return id;
    }

    @Override
    public void connected(Link newLink) {
        link = newLink;
        newLink.onMessage(message -> {
            if ("drawing".equals(message.get("type"))) {
                PadAnswer answer = answer(decode(message.get("png")));
                newLink.send(Map.of("type", "answer", "html", answer.toHtml(), "label", answer.labelName()));
            }
        });
    }

    private static BufferedImage decode(Object png) {
        String text = String.valueOf(png);
        if (!text.startsWith(DATA_URL)) {
            throw new IllegalArgumentException("the pad sent no PNG drawing");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(text.substring(DATA_URL.length()))));
            if (image == null) {
                throw new IllegalArgumentException("the pad's drawing is not a PNG Java can read");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("the pad's drawing cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toHtml() {
        String answer = last == null ? "" : last.toHtml();
        return "<div class=\"tinyml-pad\" style=\"font-family:sans-serif;font-size:13px\">"
                + "<div style=\"display:flex;gap:8px;align-items:flex-end\">"
                + "<canvas width=\"" + CANVAS + "\" height=\"" + CANVAS + "\" style=\"background:#000;border-radius:6px;"
                + "touch-action:none;cursor:crosshair\"></canvas>"
                + "<button type=\"button\" class=\"tinyml-pad-clear\">Clear</button></div>"
                + "<div class=\"tinyml-pad-status\" style=\"color:#666;margin-top:4px\">Draw a digit: each stroke is sent to "
                + Html.escape(callback == null ? "the pad's callback (none yet)" : "the pad's callback") + ".</div>"
                + "<div class=\"tinyml-pad-answer\">" + answer + "</div></div>";
    }

    @Override
    public String script() {
        return PadScript.BODY;
    }

    @Override
    public String toString() {
        return "DrawPad " + id + (last == null ? "" : ": " + last);
    }
}
