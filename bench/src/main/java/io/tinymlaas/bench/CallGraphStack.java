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
 * the deepest of its callees', over every file. Static figures: no recursion in the runtime, so the
 * sum is exact for the paths gcc sees. The one call through a pointer on the inference path,
 * tm_run_op's call of the kernel from the op table, gcc records as a call of
 * {@code __indirect_call}: it is read as a call of each kernel the table holds
 * ({@link #resolveIndirect}). Functions written in assembly have no .ci node: their frames are
 * given ({@link #ASSEMBLY}).
 */
final class CallGraphStack {
    private static final Pattern NODE = Pattern.compile(
            "node: \\{ title: \"([^\"]+)\" label: \"[^\"]*?\\\\n(\\d+) bytes \\((static|dynamic)");
    private static final Pattern EDGE = Pattern.compile("edge: \\{ sourcename: \"([^\"]+)\" targetname: \"([^\"]+)\"");

    private static final String INDIRECT = "__indirect_call";
    /** The op table's rows in firmware/runtime/tm_kernels.h: X(code, NAME, kernel, check, window, clamp). */
    private static final Pattern OP_ROW = Pattern.compile("X\\(\\s*\\d+\\s*,\\s*\\w+\\s*,\\s*(\\w+)\\s*,");

    /** firmware/runtime/tm_dot_dsp.c: push {r4-r11, lr}, push {r3-r11, lr}, push {r4-r10, lr},
     * push {r4-r11, lr}, push {r4-r11, lr}; tm_conv_dsp.c: push {r4}. */
    private static final Map<String, Integer> ASSEMBLY = Map.of("tm_dot4_rows4", 36, "tm_dot5_rows5", 40,
            "tm_dot_rows", 32, "tm_output_block", 36, "tm_dw_window4", 36, "tm_conv2d_dsp", 4);
    /** The functions the assembly ones call (tm_conv2d_dsp branches to one of the two ways). */
    private static final Map<String, List<String>> ASSEMBLY_CALLS = Map.of("tm_conv2d_dsp",
            List.of("tm_conv2d_dsp_patch", "tm_conv2d_dsp_rows"));

    private final Map<String, Integer> frames = new HashMap<>(ASSEMBLY);
    private final Map<String, List<String>> callees = new HashMap<>();

    private CallGraphStack() {
        ASSEMBLY_CALLS.forEach((caller, called) -> callees.put(caller, new ArrayList<>(called)));
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

    /**
     * Reads {@code caller}'s calls through a pointer as calls of the op table's kernels: those named
     * in {@code kernelsHeader}'s TM_OPS rows, with {@code suffix} (TM_KERNEL's "_dsp") where a
     * function of that name was compiled, else the plain name (the ops with one kernel for both sets).
     */
    CallGraphStack resolveIndirect(String caller, Path kernelsHeader, String suffix) {
        List<String> calls = callees.getOrDefault(caller, List.of());
        if (!calls.remove(INDIRECT)) {
            throw new IllegalStateException(caller + " calls no kernel through the op table: the call graph changed");
        }
        Matcher row;
        try {
            row = OP_ROW.matcher(Files.readString(kernelsHeader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the op table in " + kernelsHeader, e);
        }
        int kernels = 0;
        while (row.find()) {
            String kernel = row.group(1);
            calls.add(frames.containsKey(kernel + suffix) ? kernel + suffix : kernel);
            kernels++;
        }
        if (kernels == 0) {
            throw new IllegalStateException("no TM_OPS rows in " + kernelsHeader);
        }
        return this;
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
