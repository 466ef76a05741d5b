package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.eval.CellResult;
import io.tinymlaas.kernel.eval.ErrorReport;
import io.tinymlaas.kernel.eval.MagicHandler;
import io.tinymlaas.kernel.interrupt.Interrupts;
import io.tinymlaas.magics.Magic;
import io.tinymlaas.magics.Page;

import java.util.List;

/** Runs a {@code %name args} line: the magic of that name, its result shown like a value (a {@link Page} in the pager). */
public final class MagicRunner implements MagicHandler {

    private final MagicCatalog catalog;
    private final SessionMagicContext context;
    private final Interrupts interrupts;

    public MagicRunner(MagicCatalog catalog, SessionMagicContext context, Interrupts interrupts) {
        this.catalog = catalog;
        this.context = context;
        this.interrupts = interrupts;
    }

    @Override
    public CellResult run(String line) {
        String body = line.strip().substring(1);
        int space = body.indexOf(' ');
        String name = space < 0 ? body : body.substring(0, space);
        String args = space < 0 ? "" : body.substring(space + 1).strip();
        Magic magic = catalog.find(name);
        if (magic == null) {
            return failure("UnknownMagic", "%" + name + " is not a magic here; %lsmagic lists them: "
                    + String.join(", ", catalog.names()));
        }
        try (Interrupts.Watch watch = interrupts.watch()) {
            context.running(watch);
            Object result = magic.run(args, context);
            if (result instanceof Page page) {
                return CellResult.page(page.text());
            }
            return result == null ? CellResult.nothing() : CellResult.value(result);
        } catch (IllegalArgumentException e) {
            return failure("MagicError", "%" + name + ": " + e.getMessage() + "\nusage: " + magic.usage());
        } catch (Exception e) {
            return failure(e.getClass().getName(), "%" + name + " failed: " + e.getMessage());
        } finally {
            context.running(null);
        }
    }

    private static CellResult failure(String ename, String message) {
        return CellResult.failed(new ErrorReport(ename, message, List.of("\u001b[0;31m" + ename + "\u001b[0m: " + message)));
    }
}
