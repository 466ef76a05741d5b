package io.tinymlaas.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The repository's {@code firmware/} folder, found from the system property {@code tinyml.home}
 * (the repository root) or by walking up from the working directory: its runtime sources (copied
 * beside exported C) and its make targets (the boards started here).
 */
public final class FirmwareHome {
    private static final long MAKE_TIMEOUT_SECONDS = 300;

    private final Path dir;

    private FirmwareHome(Path dir) {
        this.dir = dir;
    }

    /** The firmware folder, or empty when neither tinyml.home nor the folders above the working directory hold one. */
    public static Optional<FirmwareHome> find() {
        try {
            return Optional.of(locate());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    public static FirmwareHome locate() {
        String home = System.getProperty("tinyml.home");
        if (home != null) {
            Path dir = Path.of(home).toAbsolutePath().resolve("firmware");
            if (!Files.isRegularFile(dir.resolve("Makefile"))) {
                throw new IllegalStateException("tinyml.home=" + home + " has no firmware/Makefile:"
                        + " set -Dtinyml.home to the TinyMLaaS repository root");
            }
            return new FirmwareHome(dir);
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("firmware").resolve("Makefile"))) {
                return new FirmwareHome(p.resolve("firmware"));
            }
        }
        throw new IllegalStateException("no firmware/Makefile in " + start + " or above it:"
                + " run from inside the TinyMLaaS repository or set -Dtinyml.home=<repository root>");
    }

    /** The portable C runtime: {@code firmware/runtime}. */
    public Path runtime() {
        return dir.resolve("runtime");
    }

    /**
     * Runs {@code make -C firmware target} (make itself skips what is up to date) and returns
     * {@code artifact}, a path relative to the firmware folder (its Makefile builds into ../build/firmware).
     */
    public Path build(String target, String artifact) {
        ProcessBuilder pb = new ProcessBuilder("make", "-s", "-C", dir.toString(), target)
                .redirectErrorStream(true);
        try {
            Process make = pb.start();
            byte[] log = make.getInputStream().readAllBytes();
            if (!make.waitFor(MAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                make.destroyForcibly();
                throw new IllegalStateException("make " + target + " in " + dir + " took over " + MAKE_TIMEOUT_SECONDS + " s");
            }
            if (make.exitValue() != 0) {
                throw new IllegalStateException("make " + target + " in " + dir + " failed (exit " + make.exitValue() + "):\n"
                        + new String(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run make for " + target + " (is make installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + target, e);
        }
        Path built = dir.resolve(artifact).normalize();
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("make " + target + " succeeded but " + built + " is missing");
        }
        return built;
    }
}
