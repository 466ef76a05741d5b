package io.tinymlaas.device;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM (a notebook kernel, a JShell) that opened both emulated boards is killed with SIGKILL: no
 * board process (the host board, the QEMU watcher, qemu-system-arm) may outlive it.
 */
class BoardsDieWithTheirJvmTest {
    private static final long GONE_WITHIN_SECONDS = 10;

    /** The JVM that is killed: opens both boards, prints their processes' pids, waits. */
    public static void main(String[] args) throws InterruptedException {
        Device host = Device.open("host");
        Device qemu = Device.open("qemu-m4");
        List<Long> pids = new ArrayList<>();
        for (Device d : List.of(host, qemu)) {
            ProcessHandle board = ProcessHandle.of(((EmulatedBoard) d.board()).pid()).orElseThrow();
            Stream.concat(Stream.of(board), board.descendants()).forEach(p -> pids.add(p.pid()));
        }
        System.out.println("PIDS " + pids.stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(""));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void noBoardProcessOutlivesAJvmKilledWithSigkill() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BoardsDieWithTheirJvmTest.class.getName())
                .redirectErrorStream(true).start();
        List<Long> pids = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        boolean allRan;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("PIDS ")) {
                    Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).forEach(pids::add);
                    break;
                }
            }
            allRan = pids.stream().allMatch(BoardsDieWithTheirJvmTest::alive);
        } finally {
            jvm.destroyForcibly();   // SIGKILL: no shutdown hook runs
            jvm.waitFor(10, TimeUnit.SECONDS);
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GONE_WITHIN_SECONDS);
        while (pids.stream().anyMatch(BoardsDieWithTheirJvmTest::alive) && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        List<String> left = pids.stream().filter(BoardsDieWithTheirJvmTest::alive).map(BoardsDieWithTheirJvmTest::describe).toList();
        left.forEach(p -> kill(p.split(" ")[0]));
        assertTrue(allRan && pids.size() >= 3, "the host board, the watcher and qemu-system-arm ran: " + pids + "\n" + output);
        assertEquals(List.of(), left, GONE_WITHIN_SECONDS + " s after the JVM's SIGKILL");
    }

    /** Alive: running or stopped, not gone and not a zombie waiting for a parent to reap it. */
    private static boolean alive(long pid) {
        String stat = stat(pid);
        return !stat.isEmpty() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    }

    private static String describe(long pid) {
        return pid + " " + ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse(stat(pid));
    }

    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void kill(String pid) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
    }
}
