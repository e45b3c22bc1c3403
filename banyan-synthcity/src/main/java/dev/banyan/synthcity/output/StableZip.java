package dev.banyan.synthcity.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip container (压缩包, such as an .xlsx) with a fixed timestamp on every entry, so that the same content gives
 * the same bytes; zip entries otherwise carry the time they were written.
 */
final class StableZip {

    /** 2025-06-30 00:00 local time, the snapshot date, in the zip's DOS time. */
    private static final long ENTRY_TIME = java.time.LocalDateTime.of(2025, 6, 30, 0, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    private StableZip() {
    }

    static void normalise(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipFile in = new ZipFile(file.toFile());
             OutputStream rawOut = new BufferedOutputStream(Files.newOutputStream(tmp));
             ZipOutputStream out = new ZipOutputStream(rawOut)) {
            byte[] buffer = new byte[1 << 16];
            // central-directory order, which is the order POI wrote the parts in
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(ENTRY_TIME);
                out.putNextEntry(copy);
                try (InputStream entry = in.getInputStream(e)) {
                    for (int n = entry.read(buffer); n > 0; n = entry.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
