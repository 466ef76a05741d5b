package io.tinymlaas.kernel.magic;

import io.tinymlaas.magics.MagicContext;
import io.tinymlaas.magics.NamedMagic;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test magic: {@code %wait} shows "waiting", then waits for ■ (at most 30 s) and replaces that
 * display with "stopped"; returns what it heard.
 */
public final class WaitForStopMagic extends NamedMagic {

    public WaitForStopMagic() {
        super("%wait  wait for the interrupt");
    }

    @Override
    public Object run(String args, MagicContext context) throws InterruptedException {
        CountDownLatch heard = new CountDownLatch(1);
        context.onInterrupt(heard::countDown);
        String id = context.display("waiting");
        boolean stopped = heard.await(30, TimeUnit.SECONDS);
        context.updateDisplay(id, stopped ? "stopped" : "timed out");
        return "interrupted: " + context.interrupted();
    }
}
