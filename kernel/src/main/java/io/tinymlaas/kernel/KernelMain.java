package io.tinymlaas.kernel;

import io.tinymlaas.kernel.comm.Comms;
import io.tinymlaas.kernel.comm.LiveViews;
import io.tinymlaas.kernel.display.Displays;
import io.tinymlaas.kernel.display.NotebookLiveDisplay;
import io.tinymlaas.live.LiveDisplays;
import io.tinymlaas.live.LiveView;
import io.tinymlaas.kernel.history.HistoryStore;
import io.tinymlaas.kernel.io.NotebookInput;
import io.tinymlaas.kernel.protocol.ExecutionScope;
import io.tinymlaas.kernel.protocol.IoPub;
import io.tinymlaas.kernel.protocol.Router;
import io.tinymlaas.kernel.render.Renderers;
import io.tinymlaas.kernel.wire.KernelSockets;
import io.tinymlaas.kernel.wire.RequestLoop;
import io.tinymlaas.kernel.wire.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import sun.misc.Signal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel for a Jupyter connection file, or writes a kernelspec folder:
 * <pre>
 *   java [options] -jar tinymlaas-kernel.jar CONNECTION_FILE
 *   java -jar tinymlaas-kernel.jar --kernelspec DIR [DISPLAY_NAME]
 *   java [options] -jar tinymlaas-kernel.jar --script SCRIPT.jsh
 *   java -XX:ArchiveClassesAtExit=A.jsa [options] -jar tinymlaas-kernel.jar --warm-up
 * </pre>
 */
public final class KernelMain {

    /**
     * jjava logs at INFO when its heartbeat loop starts and stops (logger "Loop-Heartbeat-0"):
     * not news for the Jupyter console. Held so that their levels are not collected.
     */
    private static final List<Logger> JJAVA_LOGS = List.of(Logger.getLogger("org.dflib.jjava"),
            Logger.getLogger("Loop-Heartbeat-0"));

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--kernelspec")) {
            Path jar = Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            KernelSpec.write(Path.of(args[1]), jar.toAbsolutePath().normalize(), args.length > 2 ? args[2] : "Java (TinyML)");
            return;
        }
        if (args.length == 1 && args[0].equals("--warm-up")) {
            WarmUp.run();
            return;
        }
        if (args.length == 2 && args[0].equals("--script")) {
            System.exit(ScriptRunner.run(Path.of(args[1])));
        }
        if (args.length != 1) {
            System.err.println("usage: java -jar tinymlaas-kernel.jar CONNECTION_FILE\n"
                    + "       java -jar tinymlaas-kernel.jar --kernelspec DIR [DISPLAY_NAME]\n"
                    + "       java -jar tinymlaas-kernel.jar --script SCRIPT.jsh");
            System.exit(2);
        }
        run(Path.of(args[0]));
    }

    private static void run(Path connectionFile) throws Exception {
        System.setProperty("java.awt.headless", "true");
        JJAVA_LOGS.forEach(log -> log.setLevel(Level.WARNING));
        // Kernel logs go to the real stderr (Jupyter's console), created before cells take System.err.
        Logger.getLogger("").getHandlers();
        CompletableFuture<Workbench> workbench = Workbench.startInBackground(System.getProperty("java.class.path"));
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        ExitGuard exitGuard = ExitGuard.install();
        KernelSockets sockets = new KernelSockets(props);
        IoPub iopub = new IoPub(sockets);
        Renderers renderers = new Renderers();
        ExecutionScope scope = new ExecutionScope(iopub, renderers, new StdinChannel(sockets));
        Comms comms = new Comms(iopub::publish, scope::request);
        LiveViews liveViews = new LiveViews();
        renderers.addFirst(LiveView.class, liveViews);
        comms.register(LiveViews.TARGET, liveViews);
        Displays.connectComms(comms::open);
        scope.streams().install();
        // A cell reading System.in asks the notebook (an input box), never the launcher's terminal.
        System.setIn(new NotebookInput(scope));
        Displays.connect(scope);
        LiveDisplays.use(NotebookLiveDisplay::new);
        Router router = new Router(iopub, scope, workbench, renderers,
                new HistoryStore(HistoryStore.defaultFile()), comms, restart -> {
                    sockets.close();
                    // ZMQ sends from its own thread: give the shutdown_reply a moment to leave.
                    Thread.sleep(200);
                    exitGuard.exit(0);
                });
        RequestLoop shell = RequestLoop.shell(sockets, router);
        RequestLoop control = RequestLoop.control(sockets, router);
        shell.start();
        control.start();
        // Front ends with interrupt_mode "signal" send SIGINT instead of interrupt_request.
        Signal.handle(new Signal("INT"), signal -> {
            if (workbench.isDone()) {
                workbench.join().runner().interrupt();
            }
        });
        iopub.status(null, "starting");
        shell.join();
    }
}
