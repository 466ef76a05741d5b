package io.tinymlaas.device;

import java.nio.ByteBuffer;

/** The board's counters since power-on or RESET (protocol STATS). */
public record DeviceStats(long framesOk, long crcErrors, long framingErrors, long oversizeFrames, long inferences,
                          long loadsOk, long loadsFailed, DeviceTime lastInference) {

    static DeviceStats parse(Packet answer) {
        ByteBuffer b = answer.body();
        if (b.remaining() < 40) {
            throw new DeviceException("STATS answer of " + b.remaining() + " bytes, protocol version 1 sends 40");
        }
        long[] counters = new long[7];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = b.getInt() & 0xFFFFFFFFL;
        }
        DeviceTime.Unit unit = DeviceTime.Unit.ofCode(b.get() & 0xFF);
        long last = b.getLong(32);
        return new DeviceStats(counters[0], counters[1], counters[2], counters[3], counters[4], counters[5], counters[6],
                new DeviceTime(last, unit));
    }
}
