package io.tinymlaas.kernel;

import io.tinymlaas.kernel.eval.CellRunner;
import io.tinymlaas.kernel.eval.CodeAssist;
import io.tinymlaas.kernel.eval.JShellSession;
import io.tinymlaas.kernel.magic.MagicCatalog;
import io.tinymlaas.kernel.magic.MagicCompleter;
import io.tinymlaas.kernel.magic.MagicRunner;
import io.tinymlaas.live.LiveStop;
import io.tinymlaas.nn.TrainingStop;
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
        CodeAssist assist = new CodeAssist(session, new MagicCompleter(catalog, session));
        // An interrupted fit stops at its next batch and keeps it, a live stream after its current
        // inference, before JShell stops anything.
        CellRunner runner = new CellRunner(session, new MagicRunner(catalog, session, assist),
                () -> TrainingStop.request() | LiveStop.request());
        return new Workbench(session, runner, assist);
    }

    /** Creates the workbench on a background thread and warms the compiler so the first cell is quick. */
    public static CompletableFuture<Workbench> startInBackground(String classPath) {
        CompletableFuture<Workbench> future = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                Workbench workbench = create(classPath);
                workbench.session().warmUp();
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
