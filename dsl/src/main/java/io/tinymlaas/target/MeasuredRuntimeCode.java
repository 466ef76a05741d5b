package io.tinymlaas.target;

import io.tinymlaas.ops.OpKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runtime code sizes measured from the project's own C runtime: every {@code .c} file of
 * {@code firmware/runtime} compiled for the target's core with {@code -O2 -ffunction-sections} (as
 * the firmware is built), then {@code size -A}: a kernel is the .text/.rodata sections of its
 * function (tm_conv2d, ...), the core is every other section. Where the core has the DSP extension
 * the runtime compiles the DSP kernels (tm_conv2d_dsp, ...) and links them instead of the portable
 * ones: those kinds count the DSP function and drop the portable one. Arm cores use
 * arm-none-eabi-gcc, the host gcc; other architectures (Xtensa, AVR) have no compiler here and get
 * {@link RuntimeCodeTable}.
 */
public final class MeasuredRuntimeCode implements RuntimeCode {
    /** The kernel functions of firmware/runtime/tm_kernels.h, as the op table names them. */
    private static final Map<String, OpKind> KERNELS = Arrays.stream(OpKind.values())
            .collect(Collectors.toMap(OpKind::cKernel, k -> k));
    /** The DSP kernels of tm_kernels.h that replace a portable one where compiled. */
    private static final String DSP_SUFFIX = "_dsp";
    private static final Map<String, RuntimeCode> CACHE = new ConcurrentHashMap<>();

    private final Map<OpKind, Long> kernels;
    private final long core;
    private final String source;

    private MeasuredRuntimeCode(Map<OpKind, Long> kernels, long core, String source) {
        this.kernels = kernels;
        this.core = core;
        this.source = source;
    }

    /**
     * Compiles {@code runtimeDir} for {@code core}; empty when there is no compiler for it here or
     * the directory has no C files. Results are cached per directory and core.
     */
    public static Optional<RuntimeCode> measure(Path runtimeDir, Core core) {
        Optional<List<String>> compiler = compilerFor(core);
        if (compiler.isEmpty() || !Files.isDirectory(runtimeDir)) {
            return Optional.empty();
        }
        String key = runtimeDir.toAbsolutePath().normalize() + "|" + core;
        RuntimeCode cached = CACHE.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RuntimeCode> measured = compileAndMeasure(runtimeDir, core, compiler.get());
        measured.ifPresent(m -> CACHE.put(key, m));
        return measured;
    }

    private static Optional<List<String>> compilerFor(Core core) {
        List<String> cmd = switch (core) {
            case CORTEX_M0PLUS -> List.of("arm-none-eabi-gcc", "-mcpu=cortex-m0plus", "-mthumb");
            case CORTEX_M4F -> List.of("arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb",
                    "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16");
            case CORTEX_M7 -> List.of("arm-none-eabi-gcc", "-mcpu=cortex-m7", "-mthumb",
                    "-mfloat-abi=hard", "-mfpu=fpv5-d16");
            case X86_64 -> List.of("gcc");
            default -> List.of();
        };
        return cmd.isEmpty() || !onPath(cmd.get(0)) ? Optional.empty() : Optional.of(cmd);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static Optional<RuntimeCode> compileAndMeasure(Path runtimeDir, Core core, List<String> compiler) {
        try {
            List<Path> sources;
            try (Stream<Path> files = Files.list(runtimeDir)) {
                sources = files.filter(p -> p.toString().endsWith(".c")).sorted().toList();
            }
            if (sources.isEmpty()) {
                return Optional.empty();
            }
            Path out = Files.createTempDirectory("tinyml-runtime-size");
            List<String> objects = new ArrayList<>();
            for (Path source : sources) {
                Path object = out.resolve(source.getFileName().toString().replace(".c", ".o"));
                List<String> cmd = new ArrayList<>(compiler);
                cmd.addAll(List.of("-std=c99", "-O2", "-ffunction-sections", "-fdata-sections",
                        "-I", runtimeDir.toString(), "-c", source.toString(), "-o", object.toString()));
                run(cmd);
                objects.add(object.toString());
            }
            List<String> size = new ArrayList<>(List.of(compiler.get(0).replace("gcc", "size"), "-A"));
            size.addAll(objects);
            String table = run(size);
            String tool = String.join(" ", compiler) + " -O2";
            return Optional.of(fromSizeOutput(table, "measured: firmware/runtime with " + tool));
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure the runtime in " + runtimeDir, e);
        }
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
        return output;
    }

    /**
     * Reads {@code size -A} output: section name and size per line, code and read-only data only.
     * A kind with a DSP kernel section counts that one; its portable kernel is not linked then.
     */
    static MeasuredRuntimeCode fromSizeOutput(String sizeA, String source) {
        Map<OpKind, Long> portable = new EnumMap<>(OpKind.class);
        Map<OpKind, Long> dsp = new EnumMap<>(OpKind.class);
        long core = 0;
        for (String line : sizeA.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !(f[0].startsWith(".text") || f[0].startsWith(".rodata")) || !f[1].matches("\\d+")) {
                continue;
            }
            long bytes = Long.parseLong(f[1]);
            String function = kernelFunctionOf(f[0]);
            boolean isDsp = function.endsWith(DSP_SUFFIX);
            OpKind kernel = KERNELS.get(isDsp ? function.substring(0, function.length() - DSP_SUFFIX.length()) : function);
            if (kernel == null) {
                core += bytes;
            } else {
                (isDsp ? dsp : portable).merge(kernel, bytes, Long::sum);
            }
        }
        Map<OpKind, Long> linked = new EnumMap<>(portable);
        linked.putAll(dsp);
        return new MeasuredRuntimeCode(linked, core, dsp.isEmpty() ? source + ", portable kernels"
                : source + ", DSP kernels (" + dsp.size() + " of " + OpKind.values().length + " ops)");
    }

    /**
     * The kernel function a section belongs to: ".text.tm_conv2d" and ".rodata.tm_softmax.str1.1" to
     * their function, ".text.tm_conv2d_dsp_patch" (a kernel's helper, named after it) to
     * tm_conv2d_dsp; other sections to "" (the core).
     */
    private static String kernelFunctionOf(String section) {
        String[] parts = section.split("\\.");
        String name = parts.length >= 3 ? parts[2] : "";
        while (!name.isEmpty()) {
            String kernel = name.endsWith(DSP_SUFFIX) ? name.substring(0, name.length() - DSP_SUFFIX.length()) : name;
            if (KERNELS.containsKey(kernel)) {
                return name;
            }
            int cut = name.lastIndexOf('_');
            name = cut > 0 ? name.substring(0, cut) : "";
        }
        return "";
    }

    @Override
    public long kernelBytes(OpKind kind) {
        return kernels.getOrDefault(kind, 0L);
    }

    @Override
    public long coreBytes() {
        return core;
    }

    @Override
    public String source() {
        return source;
    }
}
