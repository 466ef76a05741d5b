package io.tinymlaas.kernel.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryStoreTest {

    @TempDir
    Path dir;

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::input).toList();
    }

    @Test
    void persistsAcrossKernelStartsWithANewSessionEachTime() {
        Path file = dir.resolve("sub/history.jsonl");
        HistoryStore first = new HistoryStore(file);
        first.add(1, "int a = 1;", null);
        first.add(2, "a + 1", "2");
        HistoryStore second = new HistoryStore(file);
        assertEquals(first.session() + 1, second.session());
        second.add(1, "a * 3", "3");
        assertEquals(List.of("a + 1", "a * 3"), inputs(second.tail(2)));
        assertEquals("2", second.tail(2).get(0).output());
    }

    @Test
    void rangeCountsSessionsBackFromTheCurrentOne() {
        Path file = dir.resolve("h.jsonl");
        HistoryStore old = new HistoryStore(file);
        old.add(1, "old one", null);
        old.add(2, "old two", null);
        HistoryStore now = new HistoryStore(file);
        now.add(1, "new one", null);
        now.add(2, "new two", null);
        now.add(3, "new three", null);
        assertEquals(List.of("new two"), inputs(now.range(0, 2, 3)));
        assertEquals(List.of("old one", "old two"), inputs(now.range(-1, 1, 0)));
        assertEquals(List.of("old two"), inputs(now.range(old.session(), 2, 3)));
    }

    @Test
    void searchMatchesGlobsKeepsTheLastNAndDropsRepeats() {
        HistoryStore store = new HistoryStore(dir.resolve("s.jsonl"));
        store.add(1, "6*7", "42");
        store.add(2, "model.fit(data)", null);
        store.add(3, "6*7", "42");
        store.add(4, "6+7", "13");
        assertEquals(List.of("6*7", "6*7", "6+7"), inputs(store.search("6?7", 0, false)));
        assertEquals(List.of("6*7", "6+7"), inputs(store.search("6?7", 0, true)));
        assertEquals(List.of("6+7"), inputs(store.search("6*", 1, false)));
        assertEquals(List.of("model.fit(data)"), inputs(store.search("*.fit(*", 0, false)));
        assertEquals(List.of(), inputs(store.search("fit", 0, false)));
    }

    @Test
    void keepsInputsWholeAndOutputsBounded() {
        HistoryStore store = new HistoryStore(dir.resolve("b.jsonl"));
        String code = "var s = \"" + "c".repeat(20_000) + "\";";
        store.add(1, code, "x".repeat(5_000_000));
        HistoryEntry entry = store.tail(1).get(0);
        assertEquals(code, entry.input());
        assertTrue(entry.output().startsWith("x".repeat(HistoryStore.OUTPUT_LIMIT) + "… [4990000 more characters not kept]"),
                entry.output().substring(HistoryStore.OUTPUT_LIMIT));
    }

    @Test
    void theSessionNumberComesFromTheEndOfTheFileEvenAfterAHugeOldOutput() throws IOException {
        Path file = dir.resolve("old.jsonl");
        Files.writeString(file, "{\"session\":7,\"line\":1,\"input\":\"a\",\"output\":\"1\"}\n"
                + "{\"session\":8,\"line\":1,\"input\":\"b\",\"output\":\"" + "y".repeat(300_000) + "\"}\n");
        assertEquals(8, HistoryStore.lastSession(file));
        assertEquals(9, new HistoryStore(file).session());
        assertEquals(0, HistoryStore.lastSession(dir.resolve("none.jsonl")));
    }

    @Test
    void anUnwritableFileWarnsOnceAndKeepsTheSessionInMemory() throws IOException {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        HistoryStore store = new HistoryStore(blocker.resolve("history.jsonl"));
        Optional<String> warning = store.add(1, "int a = 1;", null);
        assertTrue(warning.orElseThrow().contains("cannot be written to " + blocker.resolve("history.jsonl")), warning.get());
        assertEquals(Optional.empty(), store.add(2, "a + 1", "2"));
        assertEquals(List.of("int a = 1;", "a + 1"), inputs(store.tail(5)));
    }

    @Test
    void damagedLinesAreSkipped() throws IOException {
        Path file = dir.resolve("damaged.jsonl");
        Files.writeString(file, "{\"session\":1,\"line\":1,\"input\":\"kept\"}\n{broken\n[]\n");
        assertEquals(List.of("kept"), inputs(new HistoryStore(file).tail(10)));
    }
}
