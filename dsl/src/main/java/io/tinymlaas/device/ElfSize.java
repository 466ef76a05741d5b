package io.tinymlaas.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Section sizes of a firmware image as {@code arm-none-eabi-size} (Berkeley format) prints them:
 * flash holds text + data, RAM holds data + bss.
 */
public record ElfSize(Path elf, long text, long data, long bss) {

    public long flashBytes() {
        return text + data;
    }

    public long ramBytes() {
        return data + bss;
    }

    /** Runs {@code arm-none-eabi-size} on an ELF. */
    public static ElfSize of(Path elf) {
        String out;
        try {
            Process p = new ProcessBuilder("arm-none-eabi-size", elf.toString()).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new DeviceException("arm-none-eabi-size " + elf + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new DeviceException("cannot run arm-none-eabi-size (install gcc-arm-none-eabi): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while sizing " + elf, e);
        }
        return parse(elf, out);
    }

    /** The numbers of {@code arm-none-eabi-size}'s Berkeley table (header line, then one line for the file). */
    static ElfSize parse(Path elf, String out) {
        String[] lines = out.strip().split("\n");
        String[] f = lines[lines.length - 1].trim().split("\\s+");
        try {
            return new ElfSize(elf, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
        } catch (RuntimeException e) {
            throw new DeviceException("cannot read arm-none-eabi-size output for " + elf + ":\n" + out, e);
        }
    }

    @Override
    public String toString() {
        return String.format("%s: flash %d B (text %d + data %d), RAM %d B (data %d + bss %d)",
                elf.getFileName(), flashBytes(), text, data, ramBytes(), data, bss);
    }
}
