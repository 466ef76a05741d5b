package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.Workbench;
import io.tinymlaas.kernel.display.DisplaySink;
import io.tinymlaas.kernel.display.Displays;
import io.tinymlaas.kernel.eval.CellResult;
import io.tinymlaas.kernel.eval.CellRunner;
import io.tinymlaas.kernel.eval.CodeAssist;
import io.tinymlaas.report.SizeReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Magics run through the kernel's real wiring (Workbench): JShell, the catalog, the context. */
class MagicRunnerTest {

    private static Workbench workbench;
    private static CellRunner runner;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        workbench = Workbench.create(System.getProperty("java.class.path"));
        runner = workbench.runner();
        assist = workbench.assist();
    }

    @AfterAll
    static void stop() {
        workbench.session().close();
    }

    @Test
    void lsmagicListsEveryMagicOnTheClassPathItselfIncluded() {
        String listing = (String) runner.run(1, "%lsmagic").value();
        for (String usage : List.of("%show VARIABLE", "%lsmagic", "%doc SYMBOL", "%target [name]", "%size [model]")) {
            assertTrue(listing.contains("\n  " + usage), usage + " in " + listing);
        }
    }

    @Test
    void aMagicSeesNotebookVariablesAsRealObjects() {
        assertNull(runner.run(2, "var numbers = new ArrayList<Integer>(List.of(1, 2));").error());
        Object shown = runner.run(3, "%show numbers").value();
        assertEquals(List.of(1, 2), shown);
        runner.run(4, "numbers.add(3);");
        assertSame(shown, runner.run(5, "%show numbers").value());
        assertEquals(List.of(1, 2, 3), shown);
    }

    @Test
    void aMagicSetsAVariableTheNextCellsUse() {
        assertNull(runner.run(10, "%set words tiny ml").error());
        CellResult result = runner.run(11, "words.get(1) + \" \" + words.getClass().getSimpleName()");
        assertEquals("ml ArrayList", result.value());
        CellResult bad = runner.run(12, "%set 1st x");
        assertTrue(bad.error().evalue().contains("'1st' is not a Java variable name"), bad.error().evalue());
    }

    @Test
    void sizeAloneReportsTheVariableThatLastReceivedAQuantizedModel() {
        assertNull(runner.run(20, """
                var sine = Datasets.sine(64, 1);
                var small = Model.sequential(Shape.of(1)).dense(8).relu().dense(1).seed(3).quantize(sine);
                var big = Model.sequential(Shape.of(1)).dense(32).relu().dense(1).seed(3).quantize(sine);
                """).error());
        assertEquals(2 * 32, weightBytes(runner.run(21, "%size")));
        assertNull(runner.run(22, "small = Model.sequential(Shape.of(1)).dense(16).relu().dense(1).seed(3).quantize(sine);").error());
        assertEquals(2 * 16, weightBytes(runner.run(23, "%size")));
    }

    private static long weightBytes(CellResult result) {
        assertNull(result.error());
        return ((SizeReport) result.value()).flashBreakdown().get("weights");
    }

    @Test
    void interruptReachesAMagicThatWatchesForItAndTheCellGoesOn() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        Displays.connect(new DisplaySink() {
            @Override
            public void display(Object value, String displayId) {
                shown.add(displayId + "=" + value);
            }

            @Override
            public void update(String displayId, Object value) {
                shown.add(displayId + "<-" + value);
            }

            @Override
            public void clear() {
            }
        });
        try {
            var cell = CompletableFuture.supplyAsync(() -> runner.run(30, "%wait\nint after = 7;"));
            while (shown.isEmpty()) {
                Thread.sleep(10);
            }
            runner.interrupt();
            CellResult result = cell.get(10, TimeUnit.SECONDS);
            assertNull(result.error(), "the magic ended by itself: no Interrupted error");
            assertEquals(7, runner.run(31, "after").value());
            String id = shown.get(0).substring(0, shown.get(0).indexOf('='));
            assertEquals(List.of(id + "=waiting", id + "<-stopped"), shown);
        } finally {
            Displays.connect(DisplaySink.PRINT);
        }
    }

    @Test
    void aBadArgumentNamesTheValueAndTheUsage() {
        CellResult result = runner.run(6, "%show nosuch");
        assertEquals("MagicError", result.error().ename());
        assertTrue(result.error().evalue().contains("no variable nosuch"), result.error().evalue());
        assertTrue(result.error().evalue().contains("usage: %show VARIABLE"), result.error().evalue());
    }

    @Test
    void anUnknownMagicSaysWhichOnesExist() {
        CellResult result = runner.run(7, "%nosuch 1");
        assertEquals("UnknownMagic", result.error().ename());
        assertTrue(result.error().evalue().contains("lsmagic"), result.error().evalue());
    }

    @Test
    void magicArgumentsCompleteThroughTheMagic() {
        runner.run(9, "int alpha = 1;\nint beta = 2;");
        String code = "%show al";
        CodeAssist.Completion completion = assist.complete(code, code.length());
        assertEquals(List.of("alpha"), completion.matches());
        assertEquals(6, completion.start());
        assertEquals(List.of("set", "show", "size"), assist.complete("%s", 2).matches());
    }

    @Test
    void docGivesAPageForAMethod() {
        CellResult result = runner.run(8, "%doc Math.max");
        assertTrue(result.page().contains("Math.max(int a, int b)"), result.page());
        CellResult none = runner.run(8, "%doc");
        assertTrue(none.error().evalue().contains("%doc needs a symbol"), none.error().evalue());
    }
}
