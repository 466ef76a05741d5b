package io.tinymlaas.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds the files of a named dataset: first in local folders (Debian's dataset packages), then in
 * the cache folder, then downloads them into the cache, checking each file's SHA-256. The cache
 * is {@code $HOME/.tinyml/datasets}, or the system property {@code tinyml.datasets}, or the
 * environment variable {@code TINYML_DATASETS}.
 */
final class DatasetFiles {
    /** One file of a dataset: its name, where to download it and its SHA-256. */
    record Remote(String file, String url, String sha256) {
    }

    private final String dataset;
    private final List<Path> localFolders;
    private final Path cache;

    DatasetFiles(String dataset, List<Path> localFolders, Path cacheRoot) {
        this.dataset = dataset;
        this.localFolders = localFolders;
        this.cache = cacheRoot.resolve(dataset);
    }

    static Path cacheRoot() {
        String property = System.getProperty("tinyml.datasets");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("TINYML_DATASETS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // $HOME as the launcher sees it (Java's user.home comes from the password file instead).
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".tinyml", "datasets");
    }

    /** The local paths of all {@code files}, downloading the missing ones into the cache. */
    List<Path> locate(List<Remote> files) {
        for (Path folder : localFolders) {
            List<Path> found = existing(folder, files);
            if (found != null) {
                return found;
            }
        }
        List<Path> paths = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Remote r : files) {
            Path target = cache.resolve(r.file());
            if (!Files.isRegularFile(target)) {
                try {
                    download(r, target);
                } catch (IOException | RuntimeException e) {
                    failures.add(r.url() + " (" + e.getMessage() + ")");
                }
            }
            paths.add(target);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(dataset + " is not on this machine and could not be downloaded: "
                    + String.join("; ", failures) + ". Put the files " + names(files) + " into " + cache
                    + (localFolders.isEmpty() ? "" : " (or " + localFolders.get(0) + ")")
                    + ", or point the system property tinyml.datasets or the variable TINYML_DATASETS at a folder holding "
                    + dataset + "/");
        }
        return paths;
    }

    private static List<Path> existing(Path folder, List<Remote> files) {
        List<Path> found = new ArrayList<>();
        for (Remote r : files) {
            Path gz = folder.resolve(r.file());
            Path raw = folder.resolve(r.file().replaceFirst("\\.gz$", ""));
            if (Files.isRegularFile(gz)) {
                found.add(gz);
            } else if (Files.isRegularFile(raw)) {
                found.add(raw);
            } else {
                return null;
            }
        }
        return found;
    }

    /** Downloads {@code r} to {@code target} through a temporary file, refusing a wrong SHA-256. */
    static void download(Remote r, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofMinutes(5)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            try (InputStream body = response.body()) {
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String actual = sha256(partial);
        if (!actual.equalsIgnoreCase(r.sha256())) {
            Files.deleteIfExists(partial);
            throw new IOException("SHA-256 of the download is " + actual + ", expected " + r.sha256());
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("this JVM has no SHA-256", e));
        }
    }

    private static String names(List<Remote> files) {
        List<String> names = new ArrayList<>();
        for (Remote r : files) {
            names.add(r.file());
        }
        return String.join(", ", names);
    }
}
