package io.tinymlaas.kernel;

import java.security.Permission;

/**
 * Refuses {@code System.exit} from a cell, so a stray exit does not kill the kernel and every
 * variable with it. Java 17 offers no other hook; this security manager allows everything else.
 * Needs {@code -Djava.security.manager=allow}; where the JDK no longer allows one, exit is not guarded.
 */
final class ExitGuard extends SecurityManager {

    private volatile boolean kernelExiting;

    static ExitGuard install() {
        ExitGuard guard = new ExitGuard();
        try {
            System.setSecurityManager(guard);
        } catch (UnsupportedOperationException | SecurityException e) {
            System.err.println("System.exit in a cell will end the kernel: " + e.getMessage());
        }
        return guard;
    }

    /** The kernel's own exit, on shutdown_request. */
    void exit(int status) {
        kernelExiting = true;
        System.exit(status);
    }

    @Override
    public void checkExit(int status) {
        if (!kernelExiting) {
            throw new SecurityException("System.exit(" + status + ") is refused in a notebook: the kernel "
                    + "keeps your variables. To restart, use Kernel > Restart.");
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        // Everything else is allowed: this guard exists only for exit.
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
    }
}
