package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.eval.CellResult;
import io.tinymlaas.kernel.eval.CodeAssist;
import io.tinymlaas.kernel.eval.ErrorReport;
import io.tinymlaas.kernel.eval.JShellSession;
import io.tinymlaas.kernel.eval.MagicHandler;
import io.tinymlaas.magics.Magic;

import java.util.List;

/** Runs a {@code %name args} line: a builtin or a ServiceLoader magic, its result shown like a value. */
public final class MagicRunner implements MagicHandler {

    private final MagicCatalog catalog;
    private final SessionMagicContext context;
    private final CodeAssist assist;

    public MagicRunner(MagicCatalog catalog, JShellSession session, CodeAssist assist) {
        this.catalog = catalog;
        this.context = new SessionMagicContext(session);
        this.assist = assist;
    }

    @Override
    public CellResult run(String line) {
        String body = line.strip().substring(1);
        int space = body.indexOf(' ');
        String name = space < 0 ? body : body.substring(0, space);
        String args = space < 0 ? "" : body.substring(space + 1).strip();
        switch (name) {
            case "lsmagic":
                return CellResult.value(catalog.usageList());
            case "doc":
                return doc(args);
            default:
                return runMagic(name, args);
        }
    }

    private CellResult doc(String symbol) {
        if (symbol.isEmpty()) {
            return failure("MagicError", "%doc needs a symbol: try %doc String or %doc Math.max");
        }
        return assist.inspect(symbol, symbol.length()).map(CellResult::page)
                .orElseGet(() -> failure("MagicError", "no documentation found for " + symbol
                        + ": check the spelling, or import its package first"));
    }

    private CellResult runMagic(String name, String args) {
        Magic magic = catalog.find(name);
        if (magic == null) {
            return failure("UnknownMagic", "%" + name + " is not a magic here; %lsmagic lists them: "
                    + String.join(", ", catalog.names()));
        }
        try {
            Object result = magic.run(args, context);
            return result == null ? CellResult.nothing() : CellResult.value(result);
        } catch (IllegalArgumentException e) {
            return failure("MagicError", "%" + name + ": " + e.getMessage() + "\nusage: " + magic.usage());
        } catch (Exception e) {
            return failure(e.getClass().getName(), "%" + name + " failed: " + e.getMessage());
        }
    }

    private static CellResult failure(String ename, String message) {
        return CellResult.failed(new ErrorReport(ename, message, List.of("\u001b[0;31m" + ename + "\u001b[0m: " + message)));
    }
}
