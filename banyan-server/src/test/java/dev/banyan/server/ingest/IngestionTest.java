package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.audit.EntryQuery;
import dev.banyan.server.audit.EvidenceLog;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.internal.RawTable;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Landing sources into the RAW zone: exact values, once per source, all or nothing. */
@BanyanServerTest
class IngestionTest {

    @TempDir
    Path dir;

    @Autowired
    Ingestion ingestion;

    @Autowired
    Catalog catalog;

    @Autowired
    DepartmentDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLog evidence;

    private Resource resource(String... fields) {
        return IngestFixtures.resource(directory, catalog, fields);
    }

    private String table(Resource r) {
        return RawTable.SCHEMA + ".\"" + RawTable.tableName(r.code()) + "\"";
    }

    private long rawRows(Resource r) {
        return jdbc.sql("select count(*) from " + table(r)).query(Long.class).single();
    }

    private long rawRows(Resource r, long batch) {
        return jdbc.sql("select count(*) from " + table(r) + " where _batch = ?").param(batch).query(Long.class).single();
    }

    private List<List<String>> values(Resource r, long batch, String... columns) {
        String select = String.join(", ", java.util.Arrays.stream(columns).map(c -> "\"" + c + "\"").toList());
        return jdbc.sql("select " + select + " from " + table(r) + " where _batch = ? order by _row").param(batch)
                .query((rs, n) -> {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.length; i++) {
                        row.add(rs.getString(i));
                    }
                    return row;
                }).list();
    }

    @Test
    void landsEveryRowWithItsValuesExactlyNullAndEmptyKept() throws Exception {
        Resource r = resource("record_id", "姓名", "备注", "电话");
        String csv = "Record_ID ,姓名,备注,来源\n"
                + "R1,张三,,甲\n"
                + "R2,\"李四\",\"tab\there\\back\nline\",乙\n"
                + "R3,王五\n"
                + "R4,nul\u0000here,x,丁\n";
        Path file = TestFiles.write(dir, "people.csv", csv, StandardCharsets.UTF_8);
        List<Long> progress = new ArrayList<>();
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "liaison.test", progress::add);

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.LANDED);
        IngestBatch b = result.batch();
        assertThat(b.status()).isEqualTo(IngestBatch.Status.LANDED);
        assertThat(b.rowsRead()).isEqualTo(4);
        assertThat(b.rowsLanded()).isEqualTo(4);
        assertThat(b.rowsWithErrors()).isEqualTo(1);   // R3 is short
        assertThat(b.fingerprint()).isEqualTo(SourceFingerprint.ofFile(file).label());
        assertThat(b.sourceLocation()).isEqualTo(file.toString());
        assertThat(b.requestedBy()).isEqualTo("liaison.test");
        assertThat(b.problems()).anyMatch(p -> p.contains("'来源'") && p.contains("_extra"))
                .anyMatch(p -> p.contains("'电话'"))
                .anyMatch(p -> p.contains("INGEST-101"))
                .anyMatch(p -> p.contains("NUL") && p.contains("U+FFFD"));
        assertThat(progress).last().isEqualTo(4L);

        assertThat(values(r, b.id(), "record_id", "姓名", "备注", "电话")).containsExactly(
                TestFiles.list("R1", "张三", "", null),
                TestFiles.list("R2", "李四", "tab\there\\back\nline", null),
                TestFiles.list("R3", "王五", null, null),
                TestFiles.list("R4", "nul\uFFFDhere", "x", null));
        assertThat(jdbc.sql("select _row from " + table(r) + " order by _row").query(Long.class).list())
                .containsExactly(1L, 2L, 3L, 4L);
        List<byte[]> hashes = jdbc.sql("select _row_hash from " + table(r) + " order by _row").query(byte[].class).list();
        assertThat(hashes).allSatisfy(h -> assertThat(h).hasSize(16));
        assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
        assertThat(jdbc.sql("select col_description(?::regclass, 2)").param(table(r)).query(String.class).single())
                .isEqualTo("姓名");

        assertThat(ingestion.batch(b.id())).get().satisfies(stored -> {
            assertThat(stored.fingerprint()).isEqualTo(b.fingerprint());
            assertThat(stored.rowsLanded()).isEqualTo(4);
            assertThat(stored.problems()).isEqualTo(b.problems());
        });
        assertThat(evidence.awaitRecorded(Duration.ofSeconds(10))).isTrue();
        assertThat(evidence.search(new EntryQuery("ingest.batch.landed", null, "resource:" + r.code(), null, null, null, 5)))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("user:liaison.test"));
    }

    @Test
    void theSameFileTwiceLandsOnce() throws Exception {
        Resource r = resource("id", "name");
        Path file = TestFiles.write(dir, "a.csv", "id,name\n1,a\n2,b\n3,c\n", StandardCharsets.UTF_8);
        IngestResult first = ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "u", n -> { });
        assertThat(first.outcome()).isEqualTo(IngestResult.Outcome.LANDED);

        Path copy = Files.copy(file, dir.resolve("renamed.csv"));
        IngestResult again = ingestion.ingest(r.code(), SourceSpec.of("csv", copy.toString()), "u", n -> { });
        assertThat(again.outcome()).isEqualTo(IngestResult.Outcome.ALREADY_LANDED);
        assertThat(again.batch().id()).isEqualTo(first.batch().id());
        assertThat(rawRows(r)).isEqualTo(3);
        assertThat(ingestion.batches(r.code())).hasSize(1);

        Path changed = TestFiles.write(dir, "b.csv", "id,name\n1,a\n2,b\n3,c\n4,d\n", StandardCharsets.UTF_8);
        IngestResult next = ingestion.ingest(r.code(), SourceSpec.of("csv", changed.toString()), "u", n -> { });
        assertThat(next.outcome()).isEqualTo(IngestResult.Outcome.LANDED);
        assertThat(rawRows(r)).isEqualTo(7);
        assertThat(ingestion.batches(r.code())).extracting(IngestBatch::id).containsExactly(next.batch().id(), first.batch().id());
    }

    @Test
    void landsAGbkFile() throws Exception {
        Resource r = resource("record_id", "区县", "户主姓名", "月保障金额（元）");
        String text = "record_id,区县,户主姓名,月保障金额(元)\r\n"     // half-width brackets in the source: normalised match
                + "DB1,台江区,程子龙,320\r\n"
                + "DB2,鼓楼区,倪美玲,680\r\n";
        Path file = TestFiles.write(dir, "gbk.csv", text, TestFiles.GBK);
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "u", n -> { });
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.LANDED);
        assertThat(result.batch().description()).contains("GB18030");
        assertThat(values(r, result.batch().id(), "record_id", "区县", "户主姓名", "月保障金额（元）")).containsExactly(
                TestFiles.list("DB1", "台江区", "程子龙", "320"), TestFiles.list("DB2", "鼓楼区", "倪美玲", "680"));
    }

    @Test
    void landsAnXlsxWorkbook() throws Exception {
        Resource r = resource("学籍号", "姓名", "年级");
        Path file = dir.resolve("pupils.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("学生");
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("学籍号");
            h.createCell(1).setCellValue("姓名");
            h.createCell(2).setCellValue("年级");
            for (int i = 1; i <= 3; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("G35000000" + i);
                row.createCell(1).setCellValue("学生" + i);
                if (i != 2) {
                    row.createCell(2).setCellValue(i);
                }
            }
            wb.write(out);
        }
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("xlsx", file.toString()), "u", n -> { });
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.LANDED);
        assertThat(values(r, result.batch().id(), "学籍号", "姓名", "年级")).containsExactly(
                TestFiles.list("G350000001", "学生1", "1"), TestFiles.list("G350000002", "学生2", null),
                TestFiles.list("G350000003", "学生3", "3"));
        assertThat(ingestion.ingest(r.code(), SourceSpec.of("xlsx", file.toString()), "u", n -> { }).outcome())
                .isEqualTo(IngestResult.Outcome.ALREADY_LANDED);
    }

    @Test
    void aHeaderThatMapsToNothingFailsAndLandsNothing() throws Exception {
        Resource r = resource("record_id", "姓名");
        Path file = TestFiles.write(dir, "other.csv", "foo,bar\n1,2\n", StandardCharsets.UTF_8);
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "u", n -> { });
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.FAILED);
        assertThat(result.reason()).contains("[foo, bar]").contains("[record_id, 姓名]");
        assertThat(ingestion.batch(result.batch().id())).get().satisfies(b -> {
            assertThat(b.status()).isEqualTo(IngestBatch.Status.FAILED);
            assertThat(b.error()).isEqualTo(result.reason());
            assertThat(b.rowsLanded()).isZero();
        });
        assertThat(rawRows(r)).isZero();
    }

    @Test
    void aSourceThatFailsMidReadLeavesNoRowOfItsBatch() throws Exception {
        Resource r = resource("id", "name");
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i < 5000; i++) {
            text.append(i).append(",name ").append(i).append('\n');
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "5000,\u6995\u57ce\n".getBytes(TestFiles.GBK);          // not UTF-8
        StringBuilder rest = new StringBuilder();
        for (int i = 5001; i <= 6000; i++) {
            rest.append(i).append(",name ").append(i).append('\n');
        }
        Path file = TestFiles.write(dir, "broken.csv", TestFiles.concat(TestFiles.concat(good, bad),
                rest.toString().getBytes(StandardCharsets.UTF_8)));
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.builder("csv", file.toString()).encoding("UTF-8").build(),
                "u", n -> { });
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.FAILED);
        assertThat(result.reason()).contains("INGEST-005");
        assertThat(result.batch().fingerprint()).isNull();
        assertThat(rawRows(r, result.batch().id())).isZero();
        assertThat(rawRows(r)).isZero();
        assertThat(ingestion.batches(r.code())).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(IngestBatch.Status.FAILED));
    }

    @Test
    void anUnreadableSourceIsAFailedBatch() {
        Resource r = resource("id");
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("csv", dir.resolve("missing.csv").toString()), "u",
                n -> { });
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.FAILED);
        assertThat(result.reason()).contains("INGEST-003");
    }

    @Test
    void fieldsAddedToTheResourceBecomeColumns() {
        String code = "test-" + System.nanoTime();
        var tables = new dev.banyan.server.ingest.internal.RawTables(jdbc,
                new org.springframework.transaction.support.TransactionTemplate(transactionManager));
        tables.ensure(code, List.of("a"));
        tables.ensure(code, List.of("a", "b"));
        List<String> columns = jdbc.sql("""
                select column_name from information_schema.columns where table_schema = 'raw' and table_name = ?
                order by ordinal_position""").param(RawTable.tableName(code)).query(String.class).list();
        assertThat(columns).containsExactly("a", "_extra", "_batch", "_row", "_row_hash", "b");
    }

    @Test
    void rawTablesHaveABrinIndexOnTheBatchAndNoPrimaryKey() {
        String fresh = "test-" + System.nanoTime();
        String old = "test-old-" + System.nanoTime();
        var tables = new dev.banyan.server.ingest.internal.RawTables(jdbc,
                new org.springframework.transaction.support.TransactionTemplate(transactionManager));
        tables.ensure(fresh, List.of("a"));
        // A table as the first version created them, with a primary key on (_batch, _row).
        jdbc.sql("create table raw." + RawTable.tableName(old) + " (a text, _batch bigint not null, _row bigint not null,"
                + " _row_hash bytea not null, primary key (_batch, _row))").update();
        tables.ensure(old, List.of("a"));
        for (String code : List.of(fresh, old)) {
            String table = "raw." + RawTable.tableName(code);
            assertThat(jdbc.sql("select count(*) from pg_constraint where conrelid = ?::regclass and contype = 'p'")
                    .param(table).query(Long.class).single()).as(code).isZero();
            assertThat(jdbc.sql("select pg_get_indexdef(indexrelid) from pg_index where indrelid = ?::regclass")
                    .param(table).query(String.class).list()).as(code)
                    .singleElement().satisfies(d -> assertThat(d).contains("USING brin (_batch)"));
        }
        tables.ensure(old, List.of("a"));   // nothing more to do the second time
        assertThat(jdbc.sql("select count(*) from pg_index where indrelid = ?::regclass")
                .param("raw." + RawTable.tableName(old)).query(Long.class).single()).isEqualTo(1);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
}
