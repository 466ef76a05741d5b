package io.tinymlaas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deepest stack below a function, from gcc's {@code -fcallgraph-info=su} files ({@code *.ci}, one
 * per source file; {@code make -C firmware mps2-model} writes them): each function's own frame plus
 * the deepest of its callees', over every file. Static figures: no recursion and no calls through
 * pointers in the runtime, so the sum is exact for the paths gcc sees. Functions written in assembly
 * have no .ci node: their frames are given ({@link #ASSEMBLY}).
 */
final class CallGraphStack {
    private static final Pattern NODE = Pattern.compile(
            "node: \\{ title: \"([^\"]+)\" label: \"[^\"]*?\\\\n(\\d+) bytes \\((static|dynamic)");
    private static final Pattern EDGE = Pattern.compile("edge: \\{ sourcename: \"([^\"]+)\" targetname: \"([^\"]+)\"");

    /** firmware/runtime/tm_dot_dsp.c: push {r4-r11, lr}. */
    private static final Map<String, Integer> ASSEMBLY = Map.of("tm_dot4_rows4", 36);

    private final Map<String, Integer> frames = new HashMap<>(ASSEMBLY);
    private final Map<String, List<String>> callees = new HashMap<>();

    private CallGraphStack() {
    }

    /** Reads every {@code prefix*.ci} file in {@code dir}. */
    static CallGraphStack read(Path dir, String prefix) {
        CallGraphStack graph = new CallGraphStack();
        List<Path> ci;
        try (Stream<Path> files = Files.list(dir)) {
            ci = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".ci")).toList();
            for (Path f : ci) {
                graph.add(Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the call graph files in " + dir, e);
        }
        if (ci.isEmpty()) {
            throw new IllegalStateException("no " + prefix + "*.ci call graph files with stack sizes in " + dir);
        }
        return graph;
    }

    private void add(String ci) {
        Matcher node = NODE.matcher(ci);
        while (node.find()) {
            frames.put(node.group(1), Integer.parseInt(node.group(2)));
        }
        Matcher edge = EDGE.matcher(ci);
        while (edge.find()) {
            callees.computeIfAbsent(edge.group(1), k -> new ArrayList<>()).add(edge.group(2));
        }
    }

    /** Bytes of stack {@code function} and its deepest chain of callees take. */
    int deepest(String function) {
        return deepest(function, new HashSet<>());
    }

    private int deepest(String function, Set<String> onPath) {
        if (!onPath.add(function)) {
            throw new IllegalStateException("recursion through " + function + ": no static stack bound");
        }
        int below = 0;
        for (String callee : callees.getOrDefault(function, List.of())) {
            below = Math.max(below, deepest(callee, onPath));
        }
        onPath.remove(function);
        return frames.getOrDefault(function, 0) + below;
    }
}
