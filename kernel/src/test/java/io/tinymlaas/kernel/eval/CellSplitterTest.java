package io.tinymlaas.kernel.eval;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellSplitterTest {

    private static JShell shell;
    private static CellSplitter splitter;

    @BeforeAll
    static void start() {
        shell = JShell.create();
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void splitsImportsDeclarationsStatementsAndAFinalExpression() {
        String cell = "import java.util.*;\nint a = 1;\n\nvoid f() {\n  a++;\n}\nf();\na";
        List<CellSplitter.Piece> pieces = splitter.split(cell);
        assertEquals(List.of("import java.util.*;", "int a = 1;", "void f() {\n  a++;\n}", "f();", "a"),
                pieces.stream().map(p -> p.source().strip()).toList());
        assertEquals(List.of(0, 1, 3, 6, 7), pieces.stream().map(CellSplitter.Piece::line).toList());
    }

    @Test
    void addsTheMissingSemicolonAndKeepsSeveralStatementsOnALine() {
        List<CellSplitter.Piece> pieces = splitter.split("int b = 2; int c = 3\n");
        assertEquals(2, pieces.size());
        assertEquals(0, pieces.get(1).line());
    }

    @Test
    void handsAnIncompleteRestToTheCompilerAsOnePiece() {
        List<CellSplitter.Piece> pieces = splitter.split("int d = 4;\n\nfor (;;) {\n");
        assertEquals(2, pieces.size());
        assertEquals(2, pieces.get(1).line());
    }

    @Test
    void ignoresBlankAndCommentOnlyCells() {
        assertEquals(0, splitter.split("  \n\n").size());
        assertEquals(0, splitter.split("// nothing\n").size());
    }
}
