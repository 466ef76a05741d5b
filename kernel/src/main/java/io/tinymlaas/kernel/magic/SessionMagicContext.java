package io.tinymlaas.kernel.magic;

import io.tinymlaas.kernel.eval.JShellSession;
import io.tinymlaas.magics.MagicContext;

import java.util.List;
import java.util.Optional;

/** A magic's view of the notebook: the JShell session's variables as real objects. */
final class SessionMagicContext implements MagicContext {

    private final JShellSession session;

    SessionMagicContext(JShellSession session) {
        this.session = session;
    }

    @Override
    public Optional<Object> variable(String name) {
        return session.value(name);
    }

    @Override
    public List<String> variableNames() {
        return session.variableNames();
    }
}
