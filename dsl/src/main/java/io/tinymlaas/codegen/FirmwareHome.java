package io.tinymlaas.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The firmware sources this library ships as resources ({@code io/tinymlaas/firmware}: the runtime,
 * the host and mps2 boards, the QEMU watcher, their Makefile), unpacked on first use into
 * {@code ~/.tinyml/firmware/<hash of the sources>} ({@code ~} is $HOME; the system property
 * {@code tinyml.cache} moves {@code ~/.tinyml}) and built there with make. So the library works outside the TinyMLaaS repository,
 * and a new version of the sources gets a folder of its own.
 */
public final class FirmwareHome {
    private static final String RESOURCES = "/io/tinymlaas/firmware";
    private static final long MAKE_TIMEOUT_SECONDS = 300;
    private static final int HASH_CHARS = 16;
    private static FirmwareHome unpacked;

    private final Path dir;

    private FirmwareHome(Path dir) {
        this.dir = dir;
    }

    /** The unpacked firmware folder, unpacking it if this version of the sources is not there yet. */
    public static synchronized FirmwareHome locate() {
        if (unpacked == null) {
            try {
                unpacked = new FirmwareHome(unpack(sources(), cacheFolder().resolve("firmware")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the firmware sources into " + cacheFolder().resolve("firmware")
                        + ": " + e.getMessage() + " (set -Dtinyml.cache=<a writable folder>)", e);
            }
        }
        return unpacked;
    }

    private static Path cacheFolder() {
        String cache = System.getProperty("tinyml.cache");
        if (cache != null) {
            return Path.of(cache);
        }
        String home = System.getenv("HOME");   // "~" as the shell means it; Java's user.home ignores $HOME
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".tinyml");
    }

    /** Every firmware file of the library's resources, by its path under the firmware folder. */
    private static Map<String, byte[]> sources() throws IOException {
        URL makefile = FirmwareHome.class.getResource(RESOURCES + "/Makefile");
        if (makefile == null) {
            throw new IOException("this tinymlaas-dsl has no firmware resources (" + RESOURCES + "): rebuild it with mvn install");
        }
        try {
            URI uri = makefile.toURI();
            if (!uri.getScheme().equals("jar")) {
                return read(Path.of(uri).getParent());
            }
            try (FileSystem jar = openJar(uri)) {
                return read(jar.getPath(RESOURCES));
            } catch (FileSystemAlreadyExistsException e) {
                return read(FileSystems.getFileSystem(uri).getPath(RESOURCES));
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the firmware resources at " + makefile, e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        return FileSystems.newFileSystem(uri, Map.of());
    }

    private static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** {@code parent/<hash>} holding {@code files}: unpacked beside it and renamed into place, so never half. */
    private static Path unpack(Map<String, byte[]> files, Path parent) throws IOException {
        Path dir = parent.resolve(hash(files));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, dir.getFileName() + ".unpacking-");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = temp.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        try {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            deleteTree(temp);   // another program unpacked the same sources meanwhile
        }
        return dir;
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(f.getValue().length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The folder with the Makefile. */
    public Path dir() {
        return dir;
    }

    /** The portable C runtime. */
    public Path runtime() {
        return dir.resolve("runtime");
    }

    /**
     * Runs {@code make target} in the firmware folder (make skips what is up to date; one program at a
     * time builds a folder) and returns {@code artifact}, a path under its build folder, e.g.
     * "host/tinyml-host".
     */
    public Path build(String target, String artifact) {
        make(target);
        Path built = buildDir().resolve(artifact);
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("make " + target + " succeeded but " + built + " is missing");
        }
        return built;
    }

    /** Runs {@code make target VARIABLE=value...} in the firmware folder; a failure's message carries make's output. */
    public void make(String target, String... variables) {
        List<String> command = new ArrayList<>(List.of("make", "-s", "-C", dir.toString(), "BUILD=" + buildDir(), target));
        command.addAll(List.of(variables));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
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
            throw new IllegalStateException("cannot run make for " + target + " in " + dir + " (are make and gcc installed?): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + target, e);
        }
    }

    private Path buildDir() {
        return dir.resolve("build");
    }
}
