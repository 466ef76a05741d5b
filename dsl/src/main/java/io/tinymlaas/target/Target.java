package io.tinymlaas.target;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A board a model must fit: its core and clock, its RAM and flash, and how much of each is left
 * for our runtime and the model once the board's platform (SDK, RTOS, bootloader) has its share.
 *
 * <pre>{@code
 * Target.of("esp32");                       // from the catalog
 * Target.list();                            // the catalog as a table
 * Target.builder("my-m4").core(Core.CORTEX_M4F).clockMHz(80).ramKB(128).flashKB(512).build();
 * }</pre>
 */
public final class Target implements Displayable {
    private final String name;
    private final String description;
    private final Core core;
    private final int clockMHz;
    private final long ramBytes;
    private final long usableRamBytes;
    private final String ramAssumption;
    private final long flashBytes;
    private final long usableFlashBytes;
    private final long platformFlashBytes;
    private final int stackBytes;
    private final RuntimeCode runtimeCode;

    private Target(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.core = b.core;
        this.clockMHz = b.clockMHz;
        this.ramBytes = b.ramBytes;
        this.usableRamBytes = b.usableRamBytes < 0 ? b.ramBytes : b.usableRamBytes;
        this.ramAssumption = b.ramAssumption;
        this.flashBytes = b.flashBytes;
        this.usableFlashBytes = b.usableFlashBytes < 0 ? b.flashBytes : b.usableFlashBytes;
        this.platformFlashBytes = b.platformFlashBytes;
        this.stackBytes = b.stackBytes < 0 ? b.core.stackBytes() : b.stackBytes;
        this.runtimeCode = b.runtimeCode == null ? new RuntimeCodeTable(b.core) : b.runtimeCode;
    }

    /** A board of the catalog by name (case-insensitive); an unknown name lists the known ones. */
    public static Target of(String name) {
        return BoardCatalog.find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown target '" + name + "': known targets are " + String.join(", ", names())
                        + " (or describe your board with Target.builder(\"" + name + "\"))"));
    }

    /** Names of the catalog's boards, in catalog order. */
    public static List<String> names() {
        return BoardCatalog.all().stream().map(Target::name).toList();
    }

    /** The catalog as a table: one row a board. */
    public static Table list() {
        List<Target> all = BoardCatalog.all();
        ToDoubleFunction<Long> kb = bytes -> Math.round(bytes / 102.4) / 10.0;
        return Table.create("targets",
                StringColumn.create("name", all.stream().map(Target::name)),
                StringColumn.create("core", all.stream().map(t -> t.core.label())),
                IntColumn.create("MHz", all.stream().mapToInt(Target::clockMHz).toArray()),
                DoubleColumn.create("RAM KB", all.stream().mapToDouble(t -> kb.applyAsDouble(t.ramBytes))),
                DoubleColumn.create("usable RAM KB", all.stream().mapToDouble(t -> kb.applyAsDouble(t.usableRamBytes))),
                DoubleColumn.create("flash KB", all.stream().mapToDouble(t -> kb.applyAsDouble(t.flashBytes))),
                DoubleColumn.create("usable flash KB", all.stream().mapToDouble(t -> kb.applyAsDouble(t.usableFlashBytes))),
                StringColumn.create("board", all.stream().map(Target::description)));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Core core() {
        return core;
    }

    public int clockMHz() {
        return clockMHz;
    }

    /** All the RAM of the chip. */
    public long ramBytes() {
        return ramBytes;
    }

    /** RAM left for our runtime and the model: arena, serial buffers, runtime state and stack. */
    public long usableRamBytes() {
        return usableRamBytes;
    }

    /** Why usable RAM is what it is (empty when it is all the RAM). */
    public String ramAssumption() {
        return ramAssumption;
    }

    /** All the flash of the board. */
    public long flashBytes() {
        return flashBytes;
    }

    /** Flash an application may take (e.g. its partition, after the bootloader). */
    public long usableFlashBytes() {
        return usableFlashBytes;
    }

    /** Flash the platform links into every application: SDK, startup code, C library, drivers. */
    public long platformFlashBytes() {
        return platformFlashBytes;
    }

    public int stackBytes() {
        return stackBytes;
    }

    public RuntimeCode runtimeCode() {
        return runtimeCode;
    }

    /** A copy of this board with other runtime code figures, e.g. measured ones. */
    public Target withRuntimeCode(RuntimeCode code) {
        return toBuilder(name).runtimeCode(code).build();
    }

    private Builder toBuilder(String newName) {
        return new Builder(newName).description(description).core(core).clockMHz(clockMHz)
                .ramBytes(ramBytes).usableRamBytes(usableRamBytes, ramAssumption)
                .flashBytes(flashBytes).usableFlashBytes(usableFlashBytes)
                .platformFlashBytes(platformFlashBytes).stackBytes(stackBytes).runtimeCode(runtimeCode);
    }

    @Override
    public String toString() {
        return name + " (" + core.label() + " " + clockMHz + " MHz, RAM " + Bytes.format(usableRamBytes)
                + " usable of " + Bytes.format(ramBytes) + ", flash " + Bytes.format(usableFlashBytes)
                + " usable of " + Bytes.format(flashBytes) + ")";
    }

    /** A card: what %target shows. */
    @Override
    public String toHtml() {
        return Html.card("target " + name, description, Html.rows(
                Html.row("core", core.label() + ", " + clockMHz + " MHz"),
                Html.row("RAM", Bytes.format(usableRamBytes) + " usable of " + Bytes.format(ramBytes)
                        + (ramAssumption.isEmpty() ? "" : " — " + ramAssumption)),
                Html.row("flash", Bytes.format(usableFlashBytes) + " usable of " + Bytes.format(flashBytes)
                        + ", of which the platform takes " + Bytes.format(platformFlashBytes)),
                Html.row("stack", Bytes.format(stackBytes)),
                Html.row("runtime code", runtimeCode.source())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && t.name.equals(name) && t.core == core && t.clockMHz == clockMHz
                && t.ramBytes == ramBytes && t.usableRamBytes == usableRamBytes && t.flashBytes == flashBytes
                && t.usableFlashBytes == usableFlashBytes && t.platformFlashBytes == platformFlashBytes
                && t.stackBytes == stackBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, core, clockMHz, ramBytes, flashBytes);
    }

    /** Describes a board; sizes in bytes or KB (1024 bytes). */
    public static final class Builder {
        private final String name;
        private String description = "custom board";
        private Core core;
        private int clockMHz;
        private long ramBytes;
        private long usableRamBytes = -1;
        private String ramAssumption = "";
        private long flashBytes;
        private long usableFlashBytes = -1;
        private long platformFlashBytes;
        private int stackBytes = -1;
        private RuntimeCode runtimeCode;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a target needs a name, e.g. Target.builder(\"my-board\")");
            }
            this.name = name.trim();
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder core(Core core) {
            this.core = core;
            return this;
        }

        public Builder clockMHz(int clockMHz) {
            this.clockMHz = clockMHz;
            return this;
        }

        public Builder ramBytes(long bytes) {
            this.ramBytes = bytes;
            return this;
        }

        public Builder ramKB(long kb) {
            return ramBytes(kb * 1024);
        }

        /** RAM left for the model, with the reason it is less than all of it. */
        public Builder usableRamBytes(long bytes, String assumption) {
            this.usableRamBytes = bytes;
            this.ramAssumption = assumption == null ? "" : assumption;
            return this;
        }

        public Builder usableRamKB(long kb, String assumption) {
            return usableRamBytes(kb * 1024, assumption);
        }

        public Builder flashBytes(long bytes) {
            this.flashBytes = bytes;
            return this;
        }

        public Builder flashKB(long kb) {
            return flashBytes(kb * 1024);
        }

        public Builder usableFlashBytes(long bytes) {
            this.usableFlashBytes = bytes;
            return this;
        }

        public Builder usableFlashKB(long kb) {
            return usableFlashBytes(kb * 1024);
        }

        public Builder platformFlashBytes(long bytes) {
            this.platformFlashBytes = bytes;
            return this;
        }

        public Builder platformFlashKB(long kb) {
            return platformFlashBytes(kb * 1024);
        }

        public Builder stackBytes(int bytes) {
            this.stackBytes = bytes;
            return this;
        }

        public Builder runtimeCode(RuntimeCode code) {
            this.runtimeCode = code;
            return this;
        }

        public Target build() {
            String board = "target '" + name + "'";
            if (core == null) {
                throw new IllegalArgumentException(board + " has no core: add .core(Core.CORTEX_M4F) or another Core");
            }
            if (clockMHz <= 0) {
                throw new IllegalArgumentException(board + " has clock " + clockMHz + " MHz: add .clockMHz(n) with n > 0");
            }
            if (ramBytes <= 0 || flashBytes <= 0) {
                throw new IllegalArgumentException(board + " has RAM " + ramBytes + " B and flash " + flashBytes
                        + " B: give both with .ramKB(n) and .flashKB(n)");
            }
            if (usableRamBytes > ramBytes || usableFlashBytes > flashBytes) {
                throw new IllegalArgumentException(board + ": usable RAM/flash (" + usableRamBytes + " B / "
                        + usableFlashBytes + " B) exceeds the total (" + ramBytes + " B / " + flashBytes + " B)");
            }
            return new Target(this);
        }
    }
}
