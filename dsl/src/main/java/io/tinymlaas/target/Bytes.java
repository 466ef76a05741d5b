package io.tinymlaas.target;

import java.util.Locale;

/** Byte counts as people read them: 912 B, 98.0 KB, 1.25 MB, 1.00 GB (1 KB = 1024 bytes, as datasheets count memory). */
public final class Bytes {
    private Bytes() {
    }

    public static String format(long bytes) {
        long abs = Math.abs(bytes);
        if (abs < 1024) {
            return bytes + " B";
        }
        if (abs < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (abs < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024.0 * 1024.0));
    }
}
