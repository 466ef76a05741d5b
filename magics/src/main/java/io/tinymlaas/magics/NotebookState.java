package io.tinymlaas.magics;

import io.tinymlaas.device.Device;
import io.tinymlaas.target.Target;

import java.util.Optional;

/**
 * What a notebook has chosen through its magics: the target boards are sized for ({@code %target})
 * and the open device ({@code %deploy}, {@code %devices}). One per kernel, reached through
 * {@link MagicContext#state()}; the DSL itself keeps no such state.
 *
 * <p>The model {@code %size} and {@code %deploy} use when not named is not kept here: it is the
 * notebook variable that most recently received a {@code QuantizedModel}
 * ({@code context.latest(QuantizedModel.class)}), so it follows what the user assigned.
 *
 * <p>The target starts as {@value #DEFAULT_TARGET}: the board most workshop participants hold, and
 * a real budget, so that a first {@code %size} already says something (against "host" every model
 * would fit).
 */
public final class NotebookState {
    public static final String DEFAULT_TARGET = "esp32";

    private volatile Target target = Target.of(DEFAULT_TARGET);
    private volatile Device device;

    public Target target() {
        return target;
    }

    public NotebookState target(Target target) {
        if (target == null) {
            throw new IllegalArgumentException("target is null: use Target.of(\"esp32\") or one of " + Target.names());
        }
        this.target = target;
        return this;
    }

    /** Sets the target by name; an unknown name lists the known ones. */
    public NotebookState target(String name) {
        return target(Target.of(name));
    }

    /** The device the notebook has open, if any. */
    public Optional<Device> device() {
        return Optional.ofNullable(device);
    }

    /** Makes {@code device} the open one, closing the one open before (a board has one port). */
    public synchronized NotebookState device(Device device) {
        Device previous = this.device;
        this.device = device;
        if (previous != null && previous != device) {
            previous.close();
        }
        return this;
    }

    /** Closes the open device, if any. */
    public void closeDevice() {
        device(null);
    }
}
