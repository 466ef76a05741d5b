package io.tinymlaas.device;

import io.tinymlaas.ExitHook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process that emulates a board. It must not outlive this JVM, however the JVM ends: the host
 * board exits when its stdin (a pipe from here) closes, QEMU runs under firmware/watch, which does
 * the same for it. Its output is drained on a daemon thread (so it never
 * blocks on a full pipe) and its last lines are kept for error messages; the first line naming a
 * /dev/ path is offered to whoever waits for it (the host board and QEMU print their pty there).
 */
final class BoardProcess implements AutoCloseable {
    private static final int KEPT_LINES = 20;

    /** The exit code of a watcher (or shell) that could not find the program to run. */
    private static final int NOT_FOUND = 127;

    private final String name;
    private final String install;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<String> ptyLine = new CompletableFuture<>();

    /** Stops the board when the JVM exits without closing it (a notebook kernel restarted, a test killed). */
    private final ExitHook stopAtExit;

    private BoardProcess(String name, Process process, String install) {
        this.name = name;
        this.install = install;
        this.process = process;
        this.stopAtExit = ExitHook.add(name + "-stop", process::destroyForcibly);
        Thread drain = new Thread(this::drain, name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts {@code command}; {@code install} says what to install when the program is missing. */
    static BoardProcess start(String name, List<String> command, String install) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new BoardProcess(name, p, install);
        } catch (IOException e) {
            throw new DeviceException("cannot start the " + name + " board (" + String.join(" ", command) + "): "
                    + e.getMessage() + "; " + install, e);
        }
    }

    private void drain() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.contains("/dev/")) {
                    ptyLine.complete(line);
                }
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
        ptyLine.complete(null);
    }

    /** The /dev/ path of the first line that names one, or an error saying what the board printed instead. */
    String ptyPath(long timeoutMillis) {
        try {
            String line = ptyLine.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new DeviceException("the " + name + " board exited without naming its pty" + exitSummary());
            }
            for (String word : line.split("[\\s()]+")) {
                if (word.startsWith("/dev/")) {
                    return word;
                }
            }
            throw new IllegalStateException("unreachable: the line holds /dev/");
        } catch (TimeoutException e) {
            throw new DeviceException("the " + name + " board named no pty within " + timeoutMillis + " ms" + exitSummary()
                    + lastOutput());
        } catch (ExecutionException e) {
            throw new DeviceException("cannot read the " + name + " board's output", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while starting the " + name + " board", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Why the process is gone (exit code and its last lines), or empty while it runs. */
    String exitSummary() {
        if (process.isAlive()) {
            return "";
        }
        return " (exit code " + process.exitValue() + ")" + lastOutput() + (process.exitValue() == NOT_FOUND ? "; " + install : "");
    }

    /**
     * Says which of the board's processes (it, or a child such as QEMU under its watcher) is stopped,
     * e.g. by SIGSTOP or a debugger, or empty; a stopped board cannot answer. Needs Linux's /proc.
     */
    String frozenSummary() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        for (ProcessHandle p : all) {
            if (isStopped(p.pid())) {
                String command = p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse(name);
                return " — " + command + " (pid " + p.pid() + ") is stopped (SIGSTOP or a debugger): `kill -CONT " + p.pid()
                        + "` resumes it";
            }
        }
        return "";
    }

    private static boolean isStopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            char state = afterName > 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
            return state == 'T' || state == 't';
        } catch (IOException e) {
            return false;   // gone, or no /proc here
        }
    }

    private String lastOutput() {
        synchronized (lastLines) {
            return lastLines.isEmpty() ? "" : "; its last output:\n" + String.join("\n", lastLines);
        }
    }

    @Override
    public void close() {
        stopAtExit.remove();
        process.destroy();
        ExitHook.awaitOrKill(process, 2);
    }
}
