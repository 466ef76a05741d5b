package io.tinymlaas;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The few HTML pieces DSL objects display with — a card, key/value rows, a table, a line of text,
 * a verdict — and escaping: every toHtml of the library is made of these.
 */
public final class Html {
    private static final String CARD_STYLE = "border:1px solid #ccc;border-radius:6px;padding:8px 12px;"
            + "font-family:sans-serif;font-size:13px;display:inline-block;max-width:100%";

    private static final String CELL = "border-bottom:1px solid #eee;padding:2px 8px;";

    private Html() {
    }

    /** A bordered box with a title, a one-line subtitle and a body of trusted HTML. */
    public static String card(String title, String subtitle, String bodyHtml) {
        return "<div style=\"" + CARD_STYLE + "\"><div style=\"font-weight:bold;font-size:15px\">"
                + escape(title) + "</div><div style=\"color:#666;margin-bottom:6px\">" + escape(subtitle)
                + "</div>" + bodyHtml + "</div>";
    }

    /** A two-cell row: a bold key and a plain-text value. */
    public static String row(String key, String value) {
        return "<tr><th style=\"text-align:left;padding-right:12px\">" + escape(key) + "</th><td>"
                + escape(value) + "</td></tr>";
    }

    /** Key/value {@link #row}s as a table. */
    public static String rows(String... rows) {
        return "<table>" + String.join("", rows) + "</table>";
    }

    /** A line of plain text. */
    public static String line(String text) {
        return "<div>" + escape(text) + "</div>";
    }

    /** A line of plain text in a quieter grey, for notes. */
    public static String note(String text) {
        return "<div style=\"color:#666\">" + escape(text) + "</div>";
    }

    /** Plain text kept as written (line breaks and spaces), wrapped at the card's width. */
    public static String preformatted(String text) {
        return "<pre style=\"white-space:pre-wrap;margin:4px 0\">" + escape(text) + "</pre>";
    }

    /** A bold line with a green check mark when {@code good}, else a red cross. */
    public static String verdict(boolean good, String text) {
        return "<div style=\"color:" + (good ? "#1a7f37" : "#cf222e") + ";font-weight:bold\">"
                + (good ? "&#10003; " : "&#10007; ") + escape(text) + "</div>";
    }

    /** A Tablesaw table as an HTML table, numbers right-aligned. */
    public static String table(Table table) {
        StringBuilder html = new StringBuilder("<table style=\"border-collapse:collapse\"><tr>");
        for (Column<?> c : table.columns()) {
            html.append("<th style=\"").append(CELL).append("\">").append(escape(c.name())).append("</th>");
        }
        html.append("</tr>");
        for (int r = 0; r < table.rowCount(); r++) {
            html.append("<tr>");
            for (Column<?> c : table.columns()) {
                String align = c instanceof NumericColumn ? "text-align:right;" : "";
                html.append("<td style=\"").append(CELL).append(align).append("\">")
                        .append(escape(c.getString(r))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
