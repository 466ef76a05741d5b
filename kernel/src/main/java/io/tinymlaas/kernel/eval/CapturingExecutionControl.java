package io.tinymlaas.kernel.eval;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * JShell's in-process engine, keeping the real object behind a variable. JShell itself only
 * hands out {@code toString()} of values; displays and magics need the object.
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    private Object lastValue;

    /** Reads a snippet variable's object; JShell calls this from {@code JShell.varValue}. */
    @Override
    public String varValue(String className, String varName) throws InternalException {
        try {
            Field field = findClass(className).getField(varName);
            // The snippet's wrapper class is not public to us; JShell's own read does the same.
            field.setAccessible(true);
            lastValue = field.get(null);
            return "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot read " + varName + ": " + e);
        }
    }

    /** Runs the snippet from a thread of {@link BackgroundErrors}, so threads it starts report their failures. */
    @Override
    protected String invoke(Method doit) throws Exception {
        if (Thread.currentThread().getThreadGroup() == BackgroundErrors.GROUP) {
            return super.invoke(doit);
        }
        FutureTask<String> task = new FutureTask<>(() -> CapturingExecutionControl.super.invoke(doit));
        Thread invoker = new Thread(BackgroundErrors.GROUP, task, "cell");
        invoker.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
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
