package io.tinymlaas.device;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** What a board says about itself (protocol INFO). Sizes in bytes; 0 means the board does not know. */
public record DeviceInfo(String board, String runtimeVersion, long clockHz, long maxModelBytes, long arenaCapacity,
                         long freeRam, long freeFlash, int maxPayload, int maxTensors, int maxOps, DeviceTime.Unit timeUnit,
                         boolean modelLoaded, long modelCrc) implements Displayable {

    static DeviceInfo parse(Packet answer) {
        ByteBuffer b = answer.body();
        if (b.remaining() < 41) {
            throw new DeviceException("INFO answer of " + b.remaining() + " bytes, protocol version 1 sends at least 41");
        }
        int version = b.getInt();
        long clock = u32(b);
        long maxModel = u32(b);
        long arena = u32(b);
        long ram = u32(b);
        long flash = u32(b);
        int maxPayload = b.getInt();
        int maxTensors = b.getShort() & 0xFFFF;
        int maxOps = b.getShort() & 0xFFFF;
        DeviceTime.Unit unit = DeviceTime.Unit.ofCode(b.get() & 0xFF);
        boolean loaded = b.get() != 0;
        b.getShort();
        long crc = u32(b);
        int nameLength = Math.min(b.get() & 0xFF, b.remaining());
        String name = new String(answer.payload(), b.position(), nameLength, StandardCharsets.US_ASCII);
        String runtime = (version >>> 16) + "." + ((version >>> 8) & 0xFF) + "." + (version & 0xFF);
        return new DeviceInfo(name, runtime, clock, maxModel, arena, ram, flash, maxPayload, maxTensors, maxOps,
                unit, loaded, crc);
    }

    private static long u32(ByteBuffer b) {
        return b.getInt() & 0xFFFFFFFFL;
    }

    @Override
    public String toHtml() {
        return "<table><caption>" + Html.escape(board + " · TinyMLaaS runtime " + runtimeVersion) + "</caption>"
                + Html.row("clock", clockHz == 0 ? "unknown" : clockHz / 1_000_000.0 + " MHz")
                + Html.row("largest model", kb(maxModelBytes))
                + Html.row("arena", kb(arenaCapacity))
                + Html.row("free RAM", kb(freeRam))
                + Html.row("free flash", kb(freeFlash))
                + Html.row("inference time counted in", switch (timeUnit) {
                    case MICROSECONDS -> "microseconds, by the board's clock";
                    case INSTRUCTIONS -> "instructions, exactly (QEMU -icount)";
                    case CYCLES -> "CPU cycles";
                })
                + Html.row("model", modelLoaded ? String.format("loaded, id %08x", modelCrc) : "none")
                + "</table>";
    }

    private static String kb(long bytes) {
        return bytes == 0 ? "unknown" : String.format("%.1f KB", bytes / 1024.0);
    }
}
