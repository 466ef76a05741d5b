package io.tinymlaas.kernel.history;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's cell history across kernel restarts, one JSON line per cell in a file: the code
 * whole, the text output cut to {@value #OUTPUT_LIMIT} characters. Nothing is loaded at start
 * (only the end of the file is read, for the session number); queries read the file when asked,
 * keeping only what they answer. Each kernel start opens a new session numbered after the last
 * one on file. A file that cannot be written costs a warning, once; the cells of this session
 * are then kept in memory (the last {@value #UNSAVED_LIMIT}). Queries follow IPython's
 * history_request: tail, range, search with glob patterns.
 */
public final class HistoryStore {

    /** Characters of a cell's text output that history keeps. */
    static final int OUTPUT_LIMIT = 10_000;
    static final int UNSAVED_LIMIT = 1_000;
    /** How much of the file's end is read for the session number (a line starts {"session":N,…). */
    private static final int TAIL_WINDOW = 64 * 1024;
    private static final Pattern SESSION = Pattern.compile("\\{\"session\":(\\d+)");
    private static final Gson GSON = new Gson();
    private static final Logger LOG = Logger.getLogger(HistoryStore.class.getName());

    private final Path file;
    private final int session;
    private final Deque<HistoryEntry> unsaved = new ArrayDeque<>();
    private boolean writable = true;

    public HistoryStore(Path file) {
        this.file = file;
        this.session = lastSession(file) + 1;
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

    /**
     * Records a cell. Returns a warning to show the user when the history file could not be
     * written for the first time; the cell itself is not affected.
     */
    public synchronized Optional<String> add(int line, String input, String output) {
        HistoryEntry entry = new HistoryEntry(session, line, input, bounded(output));
        if (writable) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, GSON.toJson(entry) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                writable = false;
                String warning = "warning: cell history cannot be written to " + file + " (" + e
                        + "); this session's cells are kept in memory only. Set TINYML_HISTORY to a writable file.";
                LOG.warning(warning);
                keep(entry);
                return Optional.of(warning);
            }
        }
        keep(entry);
        return Optional.empty();
    }

    private void keep(HistoryEntry entry) {
        unsaved.addLast(entry);
        if (unsaved.size() > UNSAVED_LIMIT) {
            unsaved.removeFirst();
        }
    }

    private static String bounded(String output) {
        if (output == null || output.length() <= OUTPUT_LIMIT) {
            return output;
        }
        return output.substring(0, OUTPUT_LIMIT) + "… [" + (output.length() - OUTPUT_LIMIT) + " more characters not kept]";
    }

    /** The last {@code n} cells over all sessions. */
    public synchronized List<HistoryEntry> tail(int n) {
        Deque<HistoryEntry> last = new ArrayDeque<>();
        forEach(entry -> {
            last.addLast(entry);
            if (last.size() > n) {
                last.removeFirst();
            }
        });
        return List.copyOf(last);
    }

    /**
     * Cells {@code start <= line < stop} of a session; session 0 or below counts back from this
     * one (0 is this session, -1 the one before). A stop of 0 or less means to the end.
     */
    public synchronized List<HistoryEntry> range(int sessionIndex, int start, int stop) {
        int wanted = sessionIndex > 0 ? sessionIndex : session + sessionIndex;
        List<HistoryEntry> found = new ArrayList<>();
        forEach(e -> {
            if (e.session() == wanted && e.line() >= start && (stop <= 0 || e.line() < stop)) {
                found.add(e);
            }
        });
        return found;
    }

    /** Cells whose code matches the glob; the last {@code n} (all if n <= 0), optionally without repeats. */
    public synchronized List<HistoryEntry> search(String glob, int n, boolean unique) {
        Predicate<String> matches = Glob.toRegex(glob).asMatchPredicate();
        // Insertion order is the order of each input's latest match when repeats are dropped.
        Map<Object, HistoryEntry> found = new LinkedHashMap<>();
        forEach(e -> {
            if (matches.test(e.input())) {
                Object key = unique ? e.input() : new Object();
                found.remove(key);
                found.put(key, e);
            }
        });
        List<HistoryEntry> list = new ArrayList<>(found.values());
        return n > 0 ? List.copyOf(list.subList(Math.max(0, list.size() - n), list.size())) : list;
    }

    /** Every entry in order: the file's readable lines, then what could not be written. */
    private void forEach(Consumer<HistoryEntry> action) {
        if (Files.exists(file)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    HistoryEntry entry = parse(line);
                    if (entry != null) {
                        action.accept(entry);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A damaged history answers with what could be read.
                LOG.warning("history: could not read all of " + file + ": " + e);
            }
        }
        unsaved.forEach(action);
    }

    private static HistoryEntry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            HistoryEntry entry = GSON.fromJson(line, HistoryEntry.class);
            return entry == null || entry.input() == null ? null : entry;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** The highest session number among the last lines of the file (0 when none): the file's end only. */
    static int lastSession(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            // Walk back until a window holds a line start; a huge old output may fill several windows.
            while (true) {
                long start = Math.max(0, end - TAIL_WINDOW);
                byte[] window = new byte[(int) (end - start)];
                in.seek(start);
                in.readFully(window);
                Matcher m = SESSION.matcher(new String(window, StandardCharsets.ISO_8859_1));
                int highest = -1;
                while (m.find()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
                if (highest >= 0) {
                    return highest;
                }
                if (start == 0) {
                    return 0;
                }
                // Overlap windows so that a line start cut at the edge is found whole.
                end = start + 32;
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warning("history: could not read the end of " + file + ": " + e);
        }
        return 0;
    }
}
