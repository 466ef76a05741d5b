package io.tinymlaas.kernel;

import io.tinymlaas.kernel.eval.CellRunner;
import io.tinymlaas.kernel.eval.CodeAssist;
import io.tinymlaas.kernel.eval.JShellSession;
import io.tinymlaas.kernel.magic.MagicCatalog;
import io.tinymlaas.kernel.magic.MagicCompleter;
import io.tinymlaas.kernel.magic.MagicRunner;
import io.tinymlaas.live.LiveStop;
import io.tinymlaas.kernel.magic.SessionMagicContext;
import io.tinymlaas.kernel.training.LiveTrainingChart;
import io.tinymlaas.kernel.training.NotebookTraining;
import io.tinymlaas.kernel.eval.MagicCompletions;
import io.tinymlaas.kernel.eval.PoliteStop;
import io.tinymlaas.kernel.interrupt.Interrupts;
import io.tinymlaas.magics.NotebookState;
import jdk.jshell.Snippet;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * The evaluation side of the kernel, wired together: JShell session, cell runner, magics, code
 * assistance. Starting JShell takes a while, so it starts on a thread while the sockets come up.
 */
public record Workbench(JShellSession session, CellRunner runner, CodeAssist assist) {

    public static Workbench create(String classPath) {
        JShellSession session = new JShellSession(classPath);
        // JShell evaluates one snippet per call: one import a line.
        DefaultImports.script().lines().flatMap(line -> session.eval(line).stream())
                .filter(event -> event.status() == Snippet.Status.REJECTED)
                .forEach(event -> Logger.getLogger(Workbench.class.getName())
                        .warning("default import rejected: " + event.snippet().source()));
        MagicCatalog catalog = MagicCatalog.load(Workbench.class.getClassLoader());
        // %doc documents symbols as Shift-Tab does; that needs no magic completions, so no cycle.
        CodeAssist docs = new CodeAssist(session, MagicCompletions.NONE);
        SessionMagicContext magics = new SessionMagicContext(session, catalog, new NotebookState(),
                symbol -> docs.inspect(symbol, symbol.length()));
        CodeAssist assist = new CodeAssist(session, new MagicCompleter(catalog, magics));
        // ■ first reaches work that stops by itself (a fit keeps its last finished batch, a live stream
        // ends after its current inference), then JShell.
        Interrupts interrupts = new Interrupts();
        NotebookTraining.connect(interrupts);
        PoliteStop politeStop = new PoliteStop() {
            @Override
            public boolean request() {
                return interrupts.request() | LiveStop.request();
            }

            @Override
            public boolean pending() {
                return interrupts.pending() || LiveStop.running();
            }
        };
        CellRunner runner = new CellRunner(session, new MagicRunner(catalog, magics, interrupts), politeStop);
        return new Workbench(session, runner, assist);
    }

    /** A chart that cannot be drawn now will say so when a fit draws it: no reason to stop the kernel. */
    private static void warmCharts() {
        try {
            LiveTrainingChart.warmUp();
        } catch (RuntimeException | Error e) {
            Logger.getLogger(Workbench.class.getName()).warning("drawing a chart failed: " + e);
        }
    }

    /** Creates the workbench on a background thread and warms the compiler and the chart drawing so the first cell is quick. */
    public static CompletableFuture<Workbench> startInBackground(String classPath) {
        CompletableFuture<Workbench> future = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                Workbench workbench = create(classPath);
                workbench.session().warmUp();
                warmCharts();
                future.complete(workbench);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "jshell-start");
        starter.setDaemon(true);
        starter.start();
        return future;
    }
}
