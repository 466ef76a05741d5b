package io.tinymlaas;

import io.tinymlaas.target.Target;

import java.util.Optional;

/**
 * What a notebook (or JShell session) has chosen so far, set by magics such as {@code %target}
 * and read by the DSL: the current target, the last quantized model, the open device.
 *
 * <p>The target starts as {@value #DEFAULT_TARGET}: the board most workshop participants hold, and
 * a real budget, so that a first {@code %size} already says something (against "host" every model
 * would fit). The model and device slots are typed loosely so that this class depends on nothing
 * that is built later: the quantizer stores its {@code QuantizedModel}, {@code Device} is closeable.
 */
public final class Session {
    public static final String DEFAULT_TARGET = "esp32";

    private volatile Target target = Target.of(DEFAULT_TARGET);
    private volatile Object lastQuantized;
    private volatile AutoCloseable device;

    public Target target() {
        return target;
    }

    public Session target(Target target) {
        if (target == null) {
            throw new IllegalArgumentException("target is null: use Target.of(\"esp32\") or one of " + Target.names());
        }
        this.target = target;
        return this;
    }

    /** Sets the current target by name; an unknown name lists the known ones. */
    public Session target(String name) {
        return target(Target.of(name));
    }

    /** The model {@code %size} and {@code %deploy} use when not given one. */
    public Optional<Object> lastQuantized() {
        return Optional.ofNullable(lastQuantized);
    }

    public Session lastQuantized(Object model) {
        this.lastQuantized = model;
        return this;
    }

    public Optional<AutoCloseable> device() {
        return Optional.ofNullable(device);
    }

    /** Makes {@code device} the open one, closing the one open before (a board has one port). */
    public Session device(AutoCloseable device) throws Exception {
        AutoCloseable previous = this.device;
        this.device = device;
        if (previous != null && previous != device) {
            previous.close();
        }
        return this;
    }

    /** Closes the open device, if any. */
    public void closeDevice() throws Exception {
        device(null);
    }
}
