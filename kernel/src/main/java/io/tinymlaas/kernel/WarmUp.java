package io.tinymlaas.kernel;

import io.tinymlaas.kernel.render.Renderers;

import java.util.List;

/**
 * A short session of typical work (values, printing, an error, a table, a chart, completion),
 * run once when the kernelspec is written so the JVM can archive the classes it loaded (AppCDS)
 * and later kernels start faster.
 */
final class WarmUp {

    private static final List<String> CELLS = List.of(
            "6 * 7",
            "var list = List.of(1, 2, 3);\nlist.stream().map(i -> i * i).collect(Collectors.toList())",
            "System.out.print(\"\");",
            "int broken = 1 / 0;",
            "String wrong = 5;",
            "tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.IntColumn.create(\"n\", 1, 2))",
            "org.knowm.xchart.QuickChart.getChart(\"c\", \"x\", \"y\", \"y\", new double[]{1, 2}, new double[]{3, 4})",
            "%lsmagic");

    private WarmUp() {
    }

    static void run() {
        Workbench workbench = Workbench.create(System.getProperty("java.class.path"));
        Renderers renderers = new Renderers();
        int count = 0;
        for (String cell : CELLS) {
            workbench.runner().run(++count, cell, renderers::render);
        }
        workbench.assist().complete("Math.ab", 7);
        workbench.assist().inspect("Math.max", 8);
        workbench.assist().isComplete("for (;;) {");
        workbench.session().close();
    }
}
