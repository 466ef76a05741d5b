package io.tinymlaas.kernel.render;

import io.tinymlaas.Displayable;
import io.tinymlaas.kernel.display.Notebook;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.QuickChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};
    private final Renderers renderers = new Renderers();

    private static byte[] pngStart(MimeBundle bundle) {
        byte[] png = Base64.getDecoder().decode((String) bundle.data().get("image/png"));
        return new byte[]{png[0], png[1], png[2], png[3]};
    }

    @Test
    void plainValuesAreText() {
        assertEquals("42", renderers.render(42).text());
        assertEquals("[1, 2]", renderers.render(new int[]{1, 2}).text());
        assertEquals("[[a], [b]]", renderers.render(new String[][]{{"a"}, {"b"}}).text());
        assertEquals("null", renderers.render(null).text());
    }

    @Test
    void longTablesShowTheirHeadAndRowCount() {
        Table table = Table.create("big", IntColumn.create("n", IntStream.range(0, 500).toArray()));
        MimeBundle bundle = renderers.render(table);
        String html = (String) bundle.data().get("text/html");
        assertEquals(TablesawRenderer.MAX_ROWS + 1, html.split("<tr>").length - 1);
        assertTrue(html.contains("500 rows"), html);
        assertTrue(html.contains("<td>19</td>") && !html.contains("<td>20</td>"));
    }

    @Test
    void tableCellsAreEscaped() {
        Table table = Table.create("t", tech.tablesaw.api.StringColumn.create("s", "<script>"));
        assertFalse(((String) renderers.render(table).data().get("text/html")).contains("<script>"));
    }

    @Test
    void chartsAndImagesArePng() {
        assertArrayEquals(PNG_SIGNATURE, pngStart(renderers.render(
                QuickChart.getChart("c", "x", "y", "y", new double[]{1, 2}, new double[]{3, 4}))));
        assertArrayEquals(PNG_SIGNATURE, pngStart(renderers.render(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB))));
        assertEquals("image 4x3", renderers.render(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB)).text());
    }

    @Test
    void displayablesShowTheirOwnHtml() {
        Displayable card = new Displayable() {
            @Override
            public String toHtml() {
                return "<div>card</div>";
            }

            @Override
            public String toString() {
                return "card";
            }
        };
        MimeBundle bundle = renderers.render(card);
        assertEquals("<div>card</div>", bundle.data().get("text/html"));
        assertEquals("card", bundle.text());
        assertFalse(bundle.data().containsKey("image/png"));
    }

    @Test
    void notebookHelpersCarryTheirMimeType() {
        assertEquals("*hi*", renderers.render(Notebook.markdown("*hi*")).data().get("text/markdown"));
        assertEquals("<b>x</b>", renderers.render(Notebook.html("<b>x</b>")).data().get("text/html"));
    }
}
