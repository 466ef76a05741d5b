package io.tinymlaas.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellRunnerTest {

    private static JShellSession session;
    private static CellRunner runner;

    @BeforeAll
    static void start() {
        session = new JShellSession(System.getProperty("java.class.path"));
        runner = new CellRunner(session, line -> CellResult.value("magic:" + line));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void finalExpressionIsTheCellsValueAsARealObject() {
        CellResult result = runner.run(1, "import java.util.*;\nint a = 6;\nList<Integer> l = List.of(a, 7);\nl");
        assertTrue(result.hasValue());
        assertEquals(List.of(6, 7), result.value());
        assertEquals(42, runner.run(2, "a * 7").value());
    }

    @Test
    void declarationsAndStatementsShowNoValue() {
        assertFalse(runner.run(1, "int b = 1;").hasValue());
        assertFalse(runner.run(2, "b++;\nSystem.out.print(\"\");").hasValue());
    }

    @Test
    void compileErrorNamesTheCellLine() {
        CellResult result = runner.run(3, "int c = 1;\n\nString s = 5;\n");
        assertTrue(result.failed());
        assertEquals("CompilationError", result.error().ename());
        assertTrue(result.error().evalue().startsWith("line 3:"), result.error().evalue());
    }

    @Test
    void compileErrorRightAfterAnotherSnippetNamesItsOwnLine() {
        CellResult result = runner.run(9, "int ok = 1;\nString wrong = ok;\n");
        assertTrue(result.error().evalue().startsWith("line 2:"), result.error().evalue());
    }

    @Test
    void exceptionShowsCellLinesAndNoKernelFrames() {
        runner.run(4, "int boom(int x) {\n  return 10 / x;\n}");
        CellResult result = runner.run(5, "int d = 0;\n\nboom(d)");
        assertEquals("java.lang.ArithmeticException", result.error().ename());
        String trace = String.join("\n", result.error().traceback());
        assertTrue(trace.contains("boom (cell [4], line 2)"), trace);
        assertTrue(trace.contains("at cell [5], line 3"), trace);
        assertFalse(trace.contains("jdk.jshell"), trace);
        assertFalse(trace.contains("io.tinymlaas.kernel"), trace);
        assertFalse(trace.contains("reflect"), trace);
    }

    @Test
    void magicLinesRunInOrderWithTheJava() {
        CellResult result = runner.run(6, "int m = 2;\n%target esp32");
        assertEquals("magic:%target esp32", result.value());
    }

    @Test
    void anInterruptStopsABusyLoopEvenWhenItComesDuringCompilationAndKeepsState() throws Exception {
        runner.run(10, "int kept = 5;");
        for (long delay : new long[]{50, 300}) {
            long start = System.nanoTime();
            interruptAfter(delay);
            CellResult result = runner.run(11, "long spins = 0;\nwhile (true) { spins++; }");
            assertEquals("Interrupted", result.error().ename());
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
        }
        assertEquals(5, runner.run(12, "kept").value());
    }

    @Test
    void anInterruptLeavesACellBlockedInAcceptBehindAndNamesTheCall() {
        runner.run(20, "var server = new java.net.ServerSocket(0);");
        interruptAfter(1500);
        CellResult result = runner.run(21, "int a = 1;\nvar client = server.accept();");
        assertEquals("Interrupted", result.error().ename());
        assertEquals("cell [21] was blocked in java.net.ServerSocket.accept at cell [21], line 2", result.error().evalue());
        assertFalse(runner.run(22, "server.close();").failed());
    }

    private static void interruptAfter(long millis) {
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException ignored) {
                return;
            }
            runner.interrupt();
        });
        interrupter.start();
    }

    @Test
    void aMethodWaitingForAnotherOneSaysWhichItIs() {
        assertFalse(runner.run(13, "int twice(int x) { return helper(x) * 2; }").failed());
        CellResult result = runner.run(14, "twice(3)");
        assertEquals("UnresolvedReference", result.error().ename());
        assertTrue(result.error().evalue().startsWith("twice cannot be used until method helper(int) is defined"),
                result.error().evalue());
        runner.run(15, "int helper(int x) { return x + 1; }");
        assertEquals(8, runner.run(16, "twice(3)").value());
    }

    @Test
    void deepRecursionShowsItsFrameOnceWithARepeatCount() {
        runner.run(17, "int down(int n) { return down(n + 1); }");
        CellResult result = runner.run(18, "down(0)");
        assertEquals("java.lang.StackOverflowError", result.error().ename());
        List<String> trace = result.error().traceback();
        assertTrue(trace.size() < 10, String.join("\n", trace));
        assertTrue(trace.get(2).matches("    \\.\\.\\. the same frame \\d+ more times"), trace.get(2));
    }

    @Test
    void laterSnippetsDoNotRunAfterAnError() {
        runner.run(7, "int e = 1;\nint f = e / 0;\ne = 99;");
        assertEquals(1, runner.run(8, "e").value());
    }
}
