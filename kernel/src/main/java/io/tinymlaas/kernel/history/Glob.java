package io.tinymlaas.kernel.history;

import java.util.regex.Pattern;

/** IPython's history search patterns: {@code *} any text, {@code ?} one character, the rest literal. */
final class Glob {

    private Glob() {
    }

    static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
