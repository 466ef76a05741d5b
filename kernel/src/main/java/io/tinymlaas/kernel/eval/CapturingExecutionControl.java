package io.tinymlaas.kernel.eval;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * JShell's in-process engine, keeping the real object behind a variable (JShell itself only hands
 * out {@code toString()} of values; displays and magics need the object), and running each snippet
 * on a {@link CellWorker} thread that an interrupt stops or, when it is stuck in I/O, leaves behind.
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    private final CellWorker worker = new CellWorker();
    private Object lastValue;
    private Field lastField;

    CellWorker worker() {
        return worker;
    }

    /** Reads a snippet variable's object; JShell calls this from {@code JShell.varValue}. */
    @Override
    public String varValue(String className, String varName) throws InternalException {
        try {
            Field field = findClass(className).getField(varName);
            // The snippet's wrapper class is not public to us; JShell's own read does the same.
            field.setAccessible(true);
            lastValue = field.get(null);
            lastField = field;
            return "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot read " + varName + ": " + e);
        }
    }

    /**
     * Runs the snippet on a worker thread. Its value's text is not made here: the kernel renders
     * the real object later, where an interrupt reaches a {@code toString()} that hangs or throws.
     */
    @Override
    protected String invoke(Method doit) throws Exception {
        try {
            worker.run("cell", () -> doit.invoke(null));
            return "";
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ThreadDeath) {
                throw new StoppedException();
            }
            throw e;
        } catch (ThreadDeath e) {
            throw new StoppedException();
        } catch (CellWorker.LeftBehind e) {
            // Thrown as the snippet's exception, so that JShell maps its frames to snippet lines.
            throw new InvocationTargetException(e);
        } catch (Exception e) {
            throw e;
        } catch (Throwable e) {
            throw new InvocationTargetException(e);
        }
    }

    /** JShell's stop: ends the running snippet (see {@link CellWorker#stop()}). */
    @Override
    public void stop() {
        worker.stop();
    }

    /** Lets go of the object behind the variable read last (a dropped temporary): its class lives on. */
    void clearLastVariable() {
        try {
            // Primitives hold no object to let go of.
            if (lastField != null && !lastField.getType().isPrimitive() && !Modifier.isFinal(lastField.getModifiers())) {
                lastField.set(null, null);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // Not ours to clear: the value stays, as it would in JShell.
        } finally {
            lastField = null;
        }
    }

    Object takeLastValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }

    /** Hands JShell this engine and lets the evaluator keep a reference to it. */
    static final class Provider implements ExecutionControlProvider {
        private final CapturingExecutionControl control = new CapturingExecutionControl();

        CapturingExecutionControl control() {
            return control;
        }

        @Override
        public String name() {
            return "tinyml-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
