package io.tinymlaas.kernel.render;

import io.tinymlaas.Html;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as an HTML table; long tables show their head and say how many rows there are. */
final class TablesawRenderer implements Renderer<Table> {

    static final int MAX_ROWS = 20;

    @Override
    public void render(Table table, MimeBundle bundle) {
        int shown = Math.min(MAX_ROWS, table.rowCount());
        StringBuilder html = new StringBuilder("<table class=\"dataframe\"><thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(Html.escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td>").append(Html.escape(column.getString(row))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        String caption = Html.escape(table.name() == null ? "" : table.name()) + " " + table.rowCount()
                + " rows × " + table.columnCount() + " columns"
                + (shown < table.rowCount() ? " (first " + shown + " shown)" : "");
        html.append("<p>").append(caption.strip()).append("</p>");
        bundle.put("text/html", html.toString());
        bundle.put("text/plain", table.first(shown).print() + (shown < table.rowCount() ? "\n" + caption.strip() : ""));
    }
}
