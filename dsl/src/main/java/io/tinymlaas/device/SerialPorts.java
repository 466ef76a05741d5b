package io.tinymlaas.device;

import com.fazecast.jSerialComm.SerialPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The serial ports attached to this computer, as jSerialComm lists them, and which of them are
 * USB-serial bridges that boards are known to carry (so {@code %deploy} may pick one by itself).
 */
public final class SerialPorts {

    /** One attached port; VID:PID are -1 where the port is not USB. */
    public record Attached(String path, String description, int vendorId, int productId) {
        /** "10c4:ea60", or "" for a port without USB ids. */
        public String vidPid() {
            return vendorId < 0 ? "" : String.format(Locale.ROOT, "%04x:%04x", vendorId, productId);
        }

        /** The bridge's name when its VID:PID is a known one ("Silicon Labs CP210x"). */
        public Optional<String> bridge() {
            return Optional.ofNullable(BRIDGES.get(vidPid()));
        }
    }

    /** USB VID:PID of the bridges boards carry, with their names. */
    static final Map<String, String> BRIDGES = Map.ofEntries(
            Map.entry("10c4:ea60", "Silicon Labs CP210x"),
            Map.entry("1a86:7523", "WCH CH340"),
            Map.entry("1a86:55d4", "WCH CH9102"),
            Map.entry("0403:6001", "FTDI FT232R"),
            Map.entry("0403:6015", "FTDI FT231X"),
            Map.entry("303a:1001", "Espressif USB-JTAG/serial"),
            Map.entry("2341:0043", "Arduino Uno R3"),
            Map.entry("2341:0001", "Arduino Uno"),
            Map.entry("2341:805a", "Arduino Nano 33 BLE"),
            Map.entry("1366:1015", "SEGGER J-Link (nRF52840-DK)"),
            Map.entry("0483:374b", "ST-LINK/V2-1"),
            Map.entry("2e8a:000a", "Raspberry Pi Pico"));

    /** Which bridges each target's boards carry. */
    private static final Map<String, Set<String>> TARGET_BRIDGES = Map.of(
            "esp32", Set.of("10c4:ea60", "1a86:7523", "1a86:55d4", "0403:6001", "0403:6015"),
            "esp32-s3", Set.of("303a:1001", "10c4:ea60", "1a86:7523", "1a86:55d4"),
            "arduino-uno", Set.of("2341:0043", "2341:0001", "1a86:7523", "0403:6001"),
            "nrf52840", Set.of("2341:805a", "1366:1015"),
            "stm32f746", Set.of("0483:374b"),
            "rp2040", Set.of("2e8a:000a"));

    private SerialPorts() {
    }

    /** The serial ports jSerialComm sees (pseudo-terminals of emulated boards are not among them). */
    public static List<Attached> list() {
        List<Attached> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(new Attached(p.getSystemPortPath(), p.getPortDescription(), p.getVendorID(), p.getProductID()));
        }
        return ports;
    }

    /** The first attached port whose bridge a board of {@code target} carries. */
    public static Optional<Attached> boardFor(String target, List<Attached> attached) {
        Set<String> bridges = TARGET_BRIDGES.getOrDefault(target, Set.of());
        return attached.stream().filter(p -> bridges.contains(p.vidPid())).findFirst();
    }

    /** Whether boards of {@code target} come on a USB serial bridge at all. */
    public static boolean hasSerialBoards(String target) {
        return TARGET_BRIDGES.containsKey(target);
    }
}
