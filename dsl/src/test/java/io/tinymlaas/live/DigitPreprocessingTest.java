package io.tinymlaas.live;

import io.tinymlaas.data.Tensor;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitPreprocessingTest {

    private static BufferedImage canvas(Color ground, Color ink, int x0, int y0, int x1, int y1) {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(ground);
        g.fillRect(0, 0, 280, 280);
        g.setColor(ink);
        g.setStroke(new BasicStroke(20, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.drawLine(x0, y0, x1, y1);
        g.dispose();
        return image;
    }

    /** Rows and columns holding ink, and the centre of mass. */
    private static int[] box(Tensor t) {
        int top = 28, bottom = -1, left = 28, right = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (t.get(y * 28 + x) > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return new int[]{top, bottom, left, right};
    }

    private static double[] centreOfMass(Tensor t) {
        double m = 0, cx = 0, cy = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double v = t.get(y * 28 + x);
                m += v;
                cx += (x + 0.5) * v;
                cy += (y + 0.5) * v;
            }
        }
        return new double[]{cx / m, cy / m};
    }

    @Test
    void aStrokeInACornerIsScaledTo20PixelsAndCentredByMass() {
        // A vertical bar 20 px wide, 160 px tall, far in the top-left corner.
        Tensor t = DigitPreprocessing.mnist(canvas(Color.BLACK, Color.WHITE, 30, 10, 30, 170));
        int[] box = box(t);
        assertEquals(20, box[1] - box[0] + 1, "height scaled to the 20 px box");
        assertEquals(3, box[3] - box[2] + 1, "width scaled with it (20 * 20/160 = 2.5 px, anti-aliased over 3)");
        double[] com = centreOfMass(t);
        assertEquals(14, com[0], 0.5);
        assertEquals(14, com[1], 0.5);
    }

    @Test
    void slantedEdgesGetGreyLevels() {
        Tensor t = DigitPreprocessing.mnist(canvas(Color.BLACK, Color.WHITE, 60, 30, 210, 250));
        int grey = 0;
        for (int i = 0; i < t.size(); i++) {
            grey += t.get(i) > 0.05 && t.get(i) < 0.95 ? 1 : 0;
        }
        assertTrue(grey >= 10, grey + " grey pixels: edges are anti-aliased, not black and white");
    }

    @Test
    void darkInkOnALightGroundIsTheSameDigit() {
        Tensor light = DigitPreprocessing.mnist(canvas(Color.BLACK, Color.WHITE, 100, 50, 200, 230));
        Tensor dark = DigitPreprocessing.mnist(canvas(Color.WHITE, Color.BLACK, 100, 50, 200, 230));
        for (int i = 0; i < light.size(); i++) {
            assertEquals(light.get(i), dark.get(i), 1e-5, "pixel " + i);
        }
    }

    @Test
    void anEmptyDrawingIsRefusedWithWhatToDo() {
        BufferedImage blank = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DigitPreprocessing.mnist(blank));
        assertTrue(e.getMessage().contains("draw a digit"), e.getMessage());
    }

    @Test
    void thePadAnswersThroughItsCallbackAndSaysWhenItCannot() {
        DrawPad pad = DrawPad.digits();
        BufferedImage seven = canvas(Color.BLACK, Color.WHITE, 140, 40, 140, 240);
        assertTrue(pad.draw(seven).error().contains("pad.onDraw"), "no callback yet");
        pad.onDraw(img -> 7);
        assertEquals("7", pad.draw(seven).labelName());
        pad.onDraw(img -> {
            throw new IllegalStateException("the board is closed: %deploy again");
        });
        PadAnswer failed = pad.draw(seven);
        assertEquals("the board is closed: %deploy again", failed.error());
        assertTrue(failed.toHtml().contains("%deploy again"));
        assertEquals(failed, pad.lastAnswer().orElseThrow());
    }
}
