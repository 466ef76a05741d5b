package io.tinymlaas.device;

/** A duration as the board measured it: microseconds, instructions or cycles. */
public record DeviceTime(long amount, Unit unit) {

    /** What a board's device time counts (protocol INFO/INFER {@code time_unit}). */
    public enum Unit {
        MICROSECONDS(1, "µs"),
        INSTRUCTIONS(2, "instructions"),
        CYCLES(3, "cycles");

        private final int code;
        private final String label;

        Unit(int code, String label) {
            this.code = code;
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Unit ofCode(int code) {
            for (Unit u : values()) {
                if (u.code == code) {
                    return u;
                }
            }
            throw new DeviceException("the board reports time unit " + code + ", which protocol version 1 does not define (1..3)");
        }
    }

    /** Microseconds, converting instructions or cycles at {@code clockHz} (one instruction a cycle); NaN when unknown. */
    public double micros(long clockHz) {
        if (unit == Unit.MICROSECONDS) {
            return amount;
        }
        return clockHz > 0 ? amount * 1e6 / clockHz : Double.NaN;
    }

    @Override
    public String toString() {
        return amount + " " + unit.label();
    }
}
