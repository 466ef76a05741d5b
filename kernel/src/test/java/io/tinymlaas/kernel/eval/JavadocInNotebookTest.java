package io.tinymlaas.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shift-Tab and %doc show the DSL's javadoc (from the sources the jar ships) as text for a pager. */
class JavadocInNotebookTest {

    private static JShellSession session;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        session = new JShellSession(System.getProperty("java.class.path"));
        session.eval("import io.tinymlaas.nn.*;");
        session.eval("import io.tinymlaas.data.*;");
        session.eval("var model = Model.sequential(Shape.of(1)).dense(1);");
        assist = new CodeAssist(session, MagicCompletions.NONE);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static void assertNoHtml(String doc) {
        assertFalse(doc.matches("(?s).*</?(p|pre|code|ul|li|b|i|a)\\b.*"), doc);
        assertFalse(doc.contains("{@"), doc);
    }

    @Test
    void aClassShowsItsJavadocWithItsExampleAsACodeBlock() {
        String doc = assist.inspect("Model", 5).orElseThrow();
        assertTrue(doc.startsWith("io.tinymlaas.nn.Model\n\nA sequential neural network, built fluently and trained with `fit`:"), doc);
        assertTrue(doc.contains(":\n\n```\nvar model = Model.sequential(Shape.of(28, 28, 1))\n        .conv2d(8, 3)"), doc);
        assertTrue(doc.contains("seed(42));\n```\n\nEach builder call"), doc);
        assertTrue(doc.contains("where it is written. Weights are drawn when first needed (by `fit`, from its seed"), doc);
        assertNoHtml(doc);
    }

    @Test
    void docOfAnInstanceMethodNamedOnItsClass() {
        String doc = assist.inspect("Model.fit", 9).orElseThrow();
        assertTrue(doc.startsWith("History Model.fit(Dataset data, Fit fit)\n\nTrains on `data` and returns the per-epoch history."), doc);
        assertNoHtml(doc);
    }

    @Test
    void docOfAMethodOnAVariableAtTheCursor() {
        String code = "model.fit(null, null)";
        String doc = assist.inspect(code, 9).orElseThrow();
        assertTrue(doc.contains("Trains on `data` and returns the per-epoch history."), doc);
    }

    @Test
    void docOfAStaticMethodPicksTheOverloadJShellNames() {
        String doc = assist.inspect("Datasets.sine", 13).orElseThrow();
        assertTrue(doc.startsWith("Dataset Datasets.sine(int n, long seed)\n\nThe TinyML \"hello world\": `n` points x uniform"), doc);
    }

    @Test
    void blockTagsBecomeSections() {
        String text = Javadoc.toText(" Counts <b>things</b>.<p>Second {@link java.util.List#of() paragraph}.\n"
                + " <ul><li>one</li><li>two &lt; three</li></ul>\n @param n how many {@code n}\n @return the count\n"
                + " @throws IllegalArgumentException when {@code n < 0}\n @see java.util.List#of()\n");
        assertEquals("Counts **things**.\n\nSecond paragraph.\n\n- one\n- two < three\n\n"
                + "Parameters:\n- `n` — how many `n`\n\nReturns: the count\n\n"
                + "Throws:\n- `IllegalArgumentException` — when `n < 0`\n\nSee also: `java.util.List.of()`", text);
    }

    @Test
    void jdkClassesSayOnceWhatToInstallWhenTheirJavadocIsMissing() {
        String first = assist.inspect("Math.max", 8).orElseThrow();
        assertTrue(first.contains("int Math.max(int a, int b)"), first);
        if (Files.exists(Path.of(System.getProperty("java.home"), "lib", "src.zip"))) {
            assertTrue(first.contains("Returns the greater of two"), first);
        } else {
            assertTrue(first.contains("openjdk-17-source"), first);
            String second = assist.inspect("Math.min", 8).orElseThrow();
            assertFalse(second.contains("openjdk-17-source"), second);
        }
    }
}
