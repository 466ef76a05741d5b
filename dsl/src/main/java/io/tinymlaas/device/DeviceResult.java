package io.tinymlaas.device;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** The board's answer to one inference: the output tensor's int8 bytes and the time the ops took on the board. */
public record DeviceResult(byte[] output, DeviceTime time) {

    static DeviceResult parse(Packet answer, int outputBytes) {
        ByteBuffer b = answer.body();
        if (b.remaining() != 12 + outputBytes) {
            throw new DeviceException("INFER answer of " + b.remaining() + " bytes, expected 12 + " + outputBytes + " output bytes");
        }
        DeviceTime.Unit unit = DeviceTime.Unit.ofCode(b.get() & 0xFF);
        long time = b.getLong(4);
        return new DeviceResult(Arrays.copyOfRange(answer.payload(), 12, 12 + outputBytes), new DeviceTime(time, unit));
    }

    @Override
    public byte[] output() {
        return output.clone();
    }

    @Override
    public String toString() {
        return "DeviceResult" + Arrays.toString(output) + " in " + time;
    }
}
