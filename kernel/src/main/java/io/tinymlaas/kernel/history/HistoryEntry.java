package io.tinymlaas.kernel.history;

/** One executed cell: kernel session number, execution count, its code and its text output (or null). */
public record HistoryEntry(int session, int line, String input, String output) {
}
