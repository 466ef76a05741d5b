package io.tinymlaas.magics;

import io.tinymlaas.device.SerialPorts;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/** {@code %devices}: the serial ports attached to this computer (path, description, VID:PID) and the emulated boards. */
public final class DevicesMagic extends NamedMagic {

    public DevicesMagic() {
        super("%devices  the serial ports attached (path, description, USB VID:PID) and the emulated boards %deploy can use");
    }

    @Override
    public Object run(String args, MagicContext context) {
        if (args != null && !args.isBlank()) {
            throw new IllegalArgumentException("%devices takes no arguments, not '" + args.trim() + "'");
        }
        return table(SerialPorts.list(), BoardChoice.qemuUsable(), BoardChoice.onPath("gcc"));
    }

    static Table table(List<SerialPorts.Attached> ports, boolean qemu, boolean gcc) {
        StringColumn board = StringColumn.create("board");
        StringColumn description = StringColumn.create("description");
        StringColumn ids = StringColumn.create("VID:PID");
        StringColumn known = StringColumn.create("what %deploy knows of it");
        for (SerialPorts.Attached port : ports) {
            board.append(port.path());
            description.append(port.description());
            ids.append(port.vidPid());
            known.append(port.bridge().map(b -> "a board's USB bridge: " + b).orElse("not a known board bridge"));
        }
        board.append("qemu-m4");
        description.append("emulated Cortex-M4 (QEMU mps2-an386)");
        ids.append("");
        known.append(qemu ? "available" : "missing: needs " + String.join(" and ", BoardChoice.QEMU_TOOLS));
        board.append("host");
        description.append("this computer: the runtime as a process on a pseudo-terminal");
        ids.append("");
        known.append(gcc ? "available" : "missing: needs gcc and make");
        return Table.create("devices", board, description, ids, known);
    }
}
