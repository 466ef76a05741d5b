package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.eval.CellResult;
import io.tinymlaas.kernel.eval.CellRunner;
import io.tinymlaas.kernel.eval.CodeAssist;
import io.tinymlaas.kernel.eval.JShellSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicRunnerTest {

    private static JShellSession session;
    private static CellRunner runner;
    private static MagicCatalog catalog;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        session = new JShellSession(System.getProperty("java.class.path"));
        catalog = MagicCatalog.load(MagicRunnerTest.class.getClassLoader());
        assist = new CodeAssist(session, new MagicCompleter(catalog, session));
        runner = new CellRunner(session, new MagicRunner(catalog, session, assist));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void serviceLoaderMagicsAndBuiltinsAreListed() {
        assertTrue(catalog.names().containsAll(List.of("show", "lsmagic", "doc")), catalog.names().toString());
        String listing = (String) runner.run(1, "%lsmagic").value();
        assertTrue(listing.contains("%show VARIABLE"), listing);
    }

    @Test
    void aMagicSeesNotebookVariablesAsRealObjects() {
        assertTrue(runner.run(2, "import java.util.*;\nvar numbers = new ArrayList<Integer>(List.of(1, 2));").error() == null);
        Object shown = runner.run(3, "%show numbers").value();
        assertEquals(List.of(1, 2), shown);
        runner.run(4, "numbers.add(3);");
        assertSame(shown, runner.run(5, "%show numbers").value());
        assertEquals(List.of(1, 2, 3), shown);
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
        assertEquals(List.of("show"), assist.complete("%sh", 3).matches());
    }

    @Test
    void docGivesAPageForAMethod() {
        CellResult result = runner.run(8, "%doc Math.max");
        assertTrue(result.page().contains("Math.max(int a, int b)"), result.page());
    }
}
