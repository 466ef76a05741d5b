package io.tinymlaas.kernel.history;

import com.google.gson.Gson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The user's cell history across kernel restarts, one JSON line per cell in a file. Each kernel
 * start opens a new session numbered after the last one on file. Queries follow IPython's
 * history_request: tail, range, search with glob patterns.
 */
public final class HistoryStore {

    private static final Gson GSON = new Gson();

    private final Path file;
    private final List<HistoryEntry> entries = new ArrayList<>();
    private final int session;

    public HistoryStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        entries.add(GSON.fromJson(line, HistoryEntry.class));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A damaged history must not stop the kernel: start afresh after the readable part.
                System.err.println("history: could not read all of " + file + ": " + e.getMessage());
            }
        }
        session = entries.stream().mapToInt(HistoryEntry::session).max().orElse(0) + 1;
    }

    /** Where history lives: $TINYML_HISTORY, else $XDG_DATA_HOME (or ~/.local/share)/tinymlaas/history.jsonl. */
    public static Path defaultFile() {
        String explicit = System.getenv("TINYML_HISTORY");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("tinymlaas").resolve("history.jsonl");
    }

    public int session() {
        return session;
    }

    public synchronized void add(int line, String input, String output) {
        HistoryEntry entry = new HistoryEntry(session, line, input, output);
        entries.add(entry);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, GSON.toJson(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history to " + file + ": check that its folder is writable", e);
        }
    }

    /** The last {@code n} cells over all sessions. */
    public synchronized List<HistoryEntry> tail(int n) {
        return last(entries, n);
    }

    /**
     * Cells {@code start <= line < stop} of a session; session 0 or below counts back from this
     * one (0 is this session, -1 the one before). A stop of 0 or less means to the end.
     */
    public synchronized List<HistoryEntry> range(int sessionIndex, int start, int stop) {
        int wanted = sessionIndex > 0 ? sessionIndex : session + sessionIndex;
        return entries.stream()
                .filter(e -> e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop))
                .collect(Collectors.toList());
    }

    /** Cells whose code matches the glob; the last {@code n} (all if n <= 0), optionally without repeats. */
    public synchronized List<HistoryEntry> search(String glob, int n, boolean unique) {
        Predicate<String> matches = Glob.toRegex(glob).asMatchPredicate();
        List<HistoryEntry> found = entries.stream().filter(e -> matches.test(e.input())).collect(Collectors.toList());
        if (unique) {
            Map<String, HistoryEntry> latest = new LinkedHashMap<>();
            for (HistoryEntry e : found) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            found = new ArrayList<>(latest.values());
        }
        return n > 0 ? last(found, n) : found;
    }

    private static List<HistoryEntry> last(List<HistoryEntry> list, int n) {
        return List.copyOf(list.subList(Math.max(0, list.size() - n), list.size()));
    }
}
