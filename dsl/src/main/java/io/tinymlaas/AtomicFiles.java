package io.tinymlaas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes files so that a reader finds the old content or the new, never half of it: each file is
 * written to a temporary file in its own folder, forced to disk, then renamed over the old one. A
 * group of files (model.h, model.c and the runtime of a C export) is all written before any is
 * renamed; when one fails — a full disk, a folder that cannot be written — none is replaced and
 * the temporary files are removed.
 */
public final class AtomicFiles {
    /** Writes one new file and forces it to disk; tests pass one that runs out of space. */
    @FunctionalInterface
    interface TempWriter {
        void write(Path newFile, byte[] content) throws IOException;
    }

    private static final AtomicFiles DISK = new AtomicFiles(AtomicFiles::writeDurably);
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String BACKUP_SUFFIX = ".old";

    private final TempWriter tempWriter;

    AtomicFiles(TempWriter tempWriter) {
        this.tempWriter = tempWriter;
    }

    /** Replaces {@code file} with {@code content}, creating its folder if needed. */
    public static void write(Path file, byte[] content) throws IOException {
        DISK.writeAll(Map.of(file, content));
    }

    /** Replaces every file of {@code files} with its content, or none of them. */
    public static void write(Map<Path, byte[]> files) throws IOException {
        DISK.writeAll(files);
    }

    /** As {@link #write(Map)}, through this instance's {@link TempWriter}. */
    void writeAll(Map<Path, byte[]> files) throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                Path target = f.getKey().toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path temp = sibling(target, TEMP_SUFFIX);
                temps.put(target, temp);
                tempWriter.write(temp, f.getValue());
            }
            replace(temps);
        } finally {
            for (Path temp : temps.values()) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void writeDurably(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Renames each temporary file over its target. The old targets are kept as hard links until all
     * renames succeeded, so that a failed rename puts the earlier ones back (a rename needs no free
     * space, so this is rare: a folder made read-only halfway, a file system without links).
     */
    private static void replace(Map<Path, Path> temps) throws IOException {
        Map<Path, Path> backups = new LinkedHashMap<>();
        List<Path> replaced = new ArrayList<>();
        try {
            for (Path target : temps.keySet()) {
                if (Files.exists(target)) {
                    Path backup = linkBeside(target);
                    if (backup != null) {
                        backups.put(target, backup);
                    }
                }
            }
            for (Map.Entry<Path, Path> t : temps.entrySet()) {
                Files.move(t.getValue(), t.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                replaced.add(t.getKey());
            }
        } catch (IOException | RuntimeException e) {
            restore(replaced, backups, e);
            throw e;
        } finally {
            for (Path backup : backups.values()) {
                Files.deleteIfExists(backup);
            }
        }
        for (Path folder : temps.keySet().stream().map(Path::getParent).distinct().toList()) {
            syncFolder(folder);
        }
    }

    private static void restore(List<Path> replaced, Map<Path, Path> backups, Exception cause) {
        for (Path target : replaced) {
            try {
                Path backup = backups.get(target);
                if (backup == null) {
                    Files.deleteIfExists(target);   // it did not exist before
                } else {
                    Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** A hard link to {@code target} under a free name, or null where the file system has none (FAT): no rollback then. */
    private static Path linkBeside(Path target) throws IOException {
        Path backup = sibling(target, BACKUP_SUFFIX);
        try {
            return Files.createLink(backup, target);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    /** A free name beside {@code target}: ".model.c.1234.tmp". */
    private static Path sibling(Path target, String suffix) throws IOException {
        String base = "." + target.getFileName() + "." + ProcessHandle.current().pid();
        for (int i = 0; ; i++) {
            Path candidate = target.resolveSibling(base + (i == 0 ? "" : "-" + i) + suffix);
            if (!Files.exists(candidate)) {
                return candidate;
            }
            if (i > 1000) {
                throw new FileAlreadyExistsException(candidate.toString(), null, "too many leftover temporary files");
            }
        }
    }

    /** Makes the renames themselves durable; some systems cannot open a folder: the rename still happened. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported here (e.g. Windows): the files are in place, only their durability is the system's
        }
    }
}
