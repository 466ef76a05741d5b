package io.tinymlaas.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeAssistTest {

    private static JShellSession session;
    private static CodeAssist assist;

    @BeforeAll
    static void start() {
        session = new JShellSession("");
        session.eval("int counter = 3;");
        assist = new CodeAssist(session, new MagicCompletions() {
            @Override
            public List<String> names() {
                return List.of("lsmagic", "doc", "target");
            }

            @Override
            public List<String> arguments(String name, String prefix) {
                return name.equals("target") ? List.of("esp32", "esp32-s3", "nrf52840") : List.of();
            }
        });
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void completesMembersFromTheTypedPrefix() {
        CodeAssist.Completion completion = assist.complete("Math.absE", 9);
        assertEquals(List.of("absExact("), completion.matches());
        assertEquals(5, completion.start());
        assertEquals(9, completion.end());
    }

    @Test
    void completesNotebookVariables() {
        String code = "int x = cou";
        CodeAssist.Completion completion = assist.complete(code, code.length());
        assertTrue(completion.matches().contains("counter"), completion.matches().toString());
        assertEquals(code.length() - 3, completion.start());
    }

    @Test
    void completesMagicNames() {
        CodeAssist.Completion completion = assist.complete("int a = 1;\n%ta", 14);
        assertEquals(List.of("target"), completion.matches());
        assertEquals(12, completion.start());
    }

    @Test
    void completesMagicArgumentsByPrefix() {
        CodeAssist.Completion completion = assist.complete("%target esp", 11);
        assertEquals(List.of("esp32", "esp32-s3"), completion.matches());
        assertEquals(8, completion.start());
    }

    @Test
    void inspectFindsAMethodWithTheCursorAtTheEndOfItsName() {
        String doc = assist.inspect("Math.max", 8).orElseThrow();
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
    }

    @Test
    void inspectFindsAVariableAndItsValue() {
        assertEquals("int counter = 3", assist.inspect("counter", 7).orElseThrow());
        assertEquals("int counter = 3", assist.inspect("counter + 1", 3).orElseThrow());
    }

    @Test
    void inspectFindsNothingForBlankCode() {
        assertTrue(assist.inspect("   ", 2).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"int x = 1;", "int y = 2", "void f() {\n}\nf();", "%lsmagic", "%target esp32\nint z = 1;", ""})
    void completeCells(String code) {
        assertEquals("complete", assist.isComplete(code).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"for (int i = 0; i < 3; i++) {", "int g() {", "x +", "int a = 1;\nclass A {"})
    void incompleteCells(String code) {
        assertEquals("incomplete", assist.isComplete(code).status());
    }

    @Test
    void incompleteCellsIndentByOpenBlocks() {
        assertEquals("        ", assist.isComplete("class A {\n  void f() {").indent());
    }

    @ParameterizedTest
    @ValueSource(strings = {")))", "int 5x = ;"})
    void invalidCells(String code) {
        assertEquals("invalid", assist.isComplete(code).status());
    }
}
