package io.tinymlaas.kernel.eval;

/** Javadoc comment text made readable as plain text for the pager and inspector. */
final class Javadoc {

    private Javadoc() {
    }

    static String toText(String javadoc) {
        return javadoc
                .replaceAll("(?i)<p>|<br\\s*/?>", "\n")
                .replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
