package dev.banyan.server.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big sources are streamed: reading a 2,000,000-row CSV (about 190 MB of text, some 2 GB as Java row objects) holds
 * only a bounded amount of it. Checked by memory in use after a GC at several points, and by the rows handed out
 * being collectable — never by timing.
 */
class StreamingTest {

    private static final int ROWS = 2_000_000;
    /** Far below what even a tenth of the rows would take as objects (~100 MB). */
    private static final long HEAP_ALLOWANCE = 48L << 20;

    @TempDir
    Path dir;

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void twoMillionRowsWithBoundedMemory() throws IOException {
        Path file = dir.resolve("persons.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("record_id,公民身份号码,姓名,户籍地址,备注\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write("HJ" + i + ",35010219741006" + (1000 + i % 9000) + ",居民" + i + ",\"福州市台江区台江路" + (i % 500)
                        + "号, " + (i % 30) + "-101\"," + (i % 1000 == 0 ? "\"多行\n备注\"" : "") + "\n");
            }
        }
        long baseline = usedAfterGc();
        long peak = 0;
        long rows = 0;
        List<WeakReference<SourceRow>> handedOut = new ArrayList<>();
        try (SourceReader reader = TestFiles.CONNECTORS.open(SourceSpec.of("csv", file.toString()))) {
            for (SourceRow row : reader) {
                rows++;
                assertThat(row.hasErrors()).isFalse();
                if (rows % 100_000 == 0) {
                    handedOut.add(new WeakReference<>(row));
                }
                if (rows % 500_000 == 0) {
                    peak = Math.max(peak, usedAfterGc() - baseline);
                }
            }
            assertThat(reader.fingerprint().bytes()).isEqualTo(Files.size(file));
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(peak).as("heap held while streaming (bytes)").isLessThan(HEAP_ALLOWANCE);
        usedAfterGc();
        long retained = handedOut.stream().filter(r -> r.get() != null).count();
        assertThat(retained).as("rows handed out that the reader still holds").isLessThanOrEqualTo(1);
    }

    @Test
    void ndjsonHoldsOnlyItsColumnSample() throws IOException {
        Path file = dir.resolve("insured.ndjson");
        int n = 300_000;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                w.write("{\"record_id\":\"YB" + i + "\",\"psn_name\":\"居民" + i + "\",\"addr\":{\"city\":\"福州\"}}\n");
            }
        }
        long baseline = usedAfterGc();
        long peak = 0;
        long rows = 0;
        try (SourceReader reader = TestFiles.CONNECTORS.open(SourceSpec.of("ndjson", file.toString()))) {
            for (SourceRow row : reader) {
                rows++;
                if (rows % 100_000 == 0) {
                    peak = Math.max(peak, usedAfterGc() - baseline);
                }
            }
        }
        assertThat(rows).isEqualTo(n);
        assertThat(peak).isLessThan(HEAP_ALLOWANCE);
    }

    @Test
    void xlsxSheetsArePulledRowByRow() throws IOException {
        Path file = dir.resolve("pupils.xlsx");
        int n = 150_000;
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("学生");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            String[] names = {"学籍号", "姓名", "年级", "学分"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 1; i <= n; i++) {
                org.apache.poi.ss.usermodel.Row r = sheet.createRow(i);
                r.createCell(0).setCellValue("G" + (350_000_000L + i));
                r.createCell(1).setCellValue("学生" + i);
                r.createCell(2).setCellValue(i % 9 + 1);
                r.createCell(3).setCellValue(i / 4.0);
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        long baseline = usedAfterGc();
        long peak = 0;
        long rows = 0;
        try (SourceReader reader = TestFiles.CONNECTORS.open(SourceSpec.of("xlsx", file.toString()))) {
            for (SourceRow row : reader) {
                rows++;
                if (rows == 3) {
                    assertThat(row.values()).containsExactly("G350000003", "学生3", "4", "0.75");
                }
                if (rows % 50_000 == 0) {
                    peak = Math.max(peak, usedAfterGc() - baseline);
                }
            }
        }
        assertThat(rows).isEqualTo(n);
        assertThat(peak).isLessThan(HEAP_ALLOWANCE);
    }
}
