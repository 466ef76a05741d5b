package io.tinymlaas.device;

import io.tinymlaas.Displayable;

/** A model the board accepted: its id (the blob's CRC32), sizes, and how long the upload took. */
public record Deployment(String board, long modelCrc, int blobBytes, long arenaBytes, int inputBytes, int outputBytes,
                         long uploadMillis) implements Displayable {

    @Override
    public String toString() {
        return String.format("model %08x on %s: blob %d B uploaded in %d ms, arena %d B, input %d B, output %d B",
                modelCrc, board, blobBytes, uploadMillis, arenaBytes, inputBytes, outputBytes);
    }

    @Override
    public String toHtml() {
        return "<div>" + toString().replace("&", "&amp;").replace("<", "&lt;") + "</div>";
    }
}
