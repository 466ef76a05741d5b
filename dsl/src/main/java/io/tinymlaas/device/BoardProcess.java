package io.tinymlaas.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process that emulates a board. Its output is drained on a daemon thread (so it never
 * blocks on a full pipe) and its last lines are kept for error messages; its first line is
 * offered to whoever waits for it (the host board prints its pty path there).
 */
final class BoardProcess implements AutoCloseable {
    private static final int KEPT_LINES = 20;

    private final String name;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();

    private BoardProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread drain = new Thread(this::drain, name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    static BoardProcess start(String name, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new BoardProcess(name, p);
        } catch (IOException e) {
            throw new DeviceException("cannot start the " + name + " board (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    private void drain() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                firstLine.complete(line);
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process was stopped: its pipe closes, nothing left to read
        }
        firstLine.complete(null);
    }

    /** The first line the board printed, or an error naming what it printed instead. */
    String firstLine(long timeoutMillis) {
        try {
            String line = firstLine.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new DeviceException("the " + name + " board exited before printing anything" + exitSummary());
            }
            return line;
        } catch (TimeoutException e) {
            throw new DeviceException("the " + name + " board printed nothing within " + timeoutMillis + " ms" + exitSummary());
        } catch (ExecutionException e) {
            throw new DeviceException("cannot read the " + name + " board's output", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while starting the " + name + " board", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Why the process is gone (exit code and its last lines), or empty while it runs. */
    String exitSummary() {
        if (process.isAlive()) {
            return "";
        }
        String tail;
        synchronized (lastLines) {
            tail = String.join("\n", lastLines);
        }
        return " (exit code " + process.exitValue() + (tail.isEmpty() ? ")" : "; last output:\n" + tail + ")");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
