package dev.banyan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.ingest.internal.RawTable;
import dev.banyan.server.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Governing a batch: typed STANDARD rows, current version per key, quarantine, quality, correction. */
@BanyanServerTest
class GovernTest {

    private static final String HEADER = "record_id,姓名,公民身份号码,出生日期,性别,联系电话,户籍地址,金额\n";

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

    private Resource personResource() {
        return IngestFixtures.resource(directory, catalog, List.of(
                IngestFixtures.field("record_id", "string", null, true),
                IngestFixtures.field("姓名", "string", "DE0002", false),
                IngestFixtures.field("公民身份号码", "string", "DE0001", false),
                IngestFixtures.field("出生日期", "date", "DE0004", false),
                IngestFixtures.field("性别", "string", "DE0003", false),
                IngestFixtures.field("联系电话", "string", "DE0006", false),
                IngestFixtures.field("户籍地址", "string", "DE0007", false),
                IngestFixtures.field("金额", "decimal", null, false)));
    }

    private IngestBatch land(Resource r, String name, String csv) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        IngestResult result = ingestion.ingest(r.code(), SourceSpec.of("csv", file.toString()), "tester", n -> { });
        assertThat(result.outcome()).as(String.valueOf(result.reason())).isEqualTo(IngestResult.Outcome.LANDED);
        return result.batch();
    }

    private String std(Resource r) {
        return "std.\"" + RawTable.tableName(r.code()) + "\"";
    }

    private Map<String, Object> stdRow(Resource r, String key) {
        return jdbc.sql("select * from " + std(r) + " where _key = ?").param(key).query().singleRow();
    }

    @Test
    void everyRowIsStandardisedOrQuarantinedAndTheLastVersionOfAKeyWins() throws Exception {
        Resource r = personResource();
        IngestBatch batch = land(r, "people.csv", HEADER
                + "1, 張三 ,350102800101001,1980/1/1,男,138 0013 8000,福建省福州市鼓楼区五四路158号,3万\n"
                + "2,李四,350102199002150029,19900215,2,0591-87654321,福州市台江区八一七中路100号,1200.50\n"
                + "3,王五,350102197512300031,1975-12-30,1,,,\n"
                + "4,赵六,350102197512300032,1975年12月31日,1,not a phone,,\n"
                + ",钱七,350102199002150029,,,,,\n"
                + "2,李四,350102199002150029,1990-02-15,女,13900139000,福州市台江区八一七中路100号,1300\n");

        assertThat(batch.rowsRead()).isEqualTo(6);
        assertThat(batch.rowsStandardised() + batch.rowsQuarantined()).isEqualTo(batch.rowsRead());
        assertThat(batch.rowsQuarantined()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from " + std(r)).query(Long.class).single()).isEqualTo(3);
        assertThat(ingestion.quarantineCount(r.code(), QuarantinedRow.Status.OPEN)).isEqualTo(2);

        Map<String, Object> one = stdRow(r, "1");
        assertThat(one.get("姓名")).isEqualTo("张三");
        assertThat(one.get("公民身份号码")).isEqualTo("350102198001010011");
        assertThat(one.get("出生日期")).isEqualTo(java.sql.Date.valueOf("1980-01-01"));
        assertThat(one.get("性别")).isEqualTo("1");
        assertThat(one.get("联系电话")).isEqualTo("13800138000");
        assertThat(((java.math.BigDecimal) one.get("金额"))).isEqualByComparingTo("30000");
        assertThat(one.get("_valid")).isEqualTo(true);
        assertThat(one.get("姓名__original")).isEqualTo("張三");
        assertThat(one.get("公民身份号码__birth_date")).isEqualTo(java.sql.Date.valueOf("1980-01-01"));
        assertThat(one.get("户籍地址__division")).isEqualTo("350102");

        Map<String, Object> two = stdRow(r, "2");
        assertThat(two.get("_row")).isEqualTo(6L);
        assertThat(two.get("性别")).isEqualTo("2");
        assertThat(((java.math.BigDecimal) two.get("金额"))).isEqualByComparingTo("1300");

        Map<String, Object> four = stdRow(r, "4");
        assertThat(four.get("_valid")).isEqualTo(false);
        assertThat(four.get("联系电话")).isNull();
        assertThat(String.valueOf(four.get("_flags"))).contains("consistency.birth-date").contains("联系电话");

        List<QuarantinedRow> open = ingestion.quarantine(r.code(), QuarantinedRow.Status.OPEN, 0, 10);
        assertThat(open).extracting(QuarantinedRow::rowNumber).containsExactly(3L, 5L);
        assertThat(open.get(0).values()).containsEntry("公民身份号码", "350102197512300031");
        assertThat(open.get(0).problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("公民身份号码");
            assertThat(p.rejects()).isTrue();
        });
        assertThat(open.get(1).problems()).extracting(QuarantineProblem::code).contains("key.missing");

        QualityScore q = batch.quality();
        assertThat(q.score()).isBetween(0.0, 100.0);
        assertThat(q.rows()).isEqualTo(6);
        assertThat(q.uniqueness()).isLessThan(100.0);   // key 2 twice among 4 kept rows
        assertThat(q.consistency()).isLessThan(100.0);  // row 4's birth date
        assertThat(ingestion.batch(batch.id()).orElseThrow().quality()).isEqualTo(q);
    }

    @Test
    void aCorrectedRowJoinsTheStandardZoneAndAWrongCorrectionChangesNothing() throws Exception {
        Resource r = personResource();
        land(r, "people.csv", HEADER + "3,王五,350102197512300031,1975-12-30,1,,,\n" + ",钱七,350102199002150029,,,,,\n");
        List<QuarantinedRow> open = ingestion.quarantine(r.code(), QuarantinedRow.Status.OPEN, 0, 10);
        QuarantinedRow wrongId = open.get(0);

        CorrectionResult still = ingestion.correct(wrongId.id(), Map.of("公民身份号码", "350102197512300033"), "officer");
        assertThat(still.accepted()).isFalse();
        assertThat(still.problems()).isNotEmpty();
        assertThat(ingestion.quarantinedRow(wrongId.id()).orElseThrow().status()).isEqualTo(QuarantinedRow.Status.OPEN);

        CorrectionResult fixed = ingestion.correct(wrongId.id(), Map.of("公民身份号码", "350102197512300032"), "officer");
        assertThat(fixed.accepted()).isTrue();
        assertThat(fixed.row().status()).isEqualTo(QuarantinedRow.Status.CORRECTED);
        assertThat(stdRow(r, "3").get("公民身份号码")).isEqualTo("350102197512300032");
        assertThatThrownBy(() -> ingestion.correct(wrongId.id(), Map.of(), "officer"))
                .isInstanceOf(InvalidInputException.class);

        QuarantinedRow noKey = open.get(1);
        assertThatThrownBy(() -> ingestion.dismiss(noKey.id(), " ", "officer")).isInstanceOf(InvalidInputException.class);
        assertThat(ingestion.dismiss(noKey.id(), "测试数据 test record", "officer").status())
                .isEqualTo(QuarantinedRow.Status.DISMISSED);
        assertThat(ingestion.quarantineCount(r.code(), QuarantinedRow.Status.OPEN)).isZero();
    }

    @Test
    void aNewerBatchReplacesChangedRowsAndLeavesUnchangedOnesAlone() throws Exception {
        Resource r = personResource();
        IngestBatch first = land(r, "v1.csv", HEADER + "1,张三,350102198001010011,1980-01-01,1,,,\n"
                + "2,李四,350102199002150029,1990-02-15,2,,,\n");
        IngestBatch second = land(r, "v2.csv", HEADER + "1,张三丰,350102198001010011,1980-01-01,1,,,\n"
                + "2,李四,350102199002150029,1990-02-15,2,,,\n");
        assertThat(stdRow(r, "1").get("姓名")).isEqualTo("张三丰");
        assertThat(stdRow(r, "1").get("_batch")).isEqualTo(second.id());
        assertThat(stdRow(r, "2").get("_batch")).isEqualTo(first.id());
        assertThat(second.rowsStandardised()).isEqualTo(2);
    }

    @Test
    void aRowTheSourceReportsBrokenIsQuarantinedAndNothingOfTheSourceIsLost() throws Exception {
        Resource r = personResource();
        IngestBatch batch = land(r, "ragged.csv", "record_id,姓名,备注\n1,张三,x\n2,李四,y,多出来的\n");
        assertThat(batch.rowsStandardised()).isEqualTo(1);
        assertThat(batch.rowsQuarantined()).isEqualTo(1);
        QuarantinedRow ragged = ingestion.quarantine(r.code(), QuarantinedRow.Status.OPEN, 0, 10).getFirst();
        assertThat(ragged.rowNumber()).isEqualTo(2);
        assertThat(ragged.problems()).first().satisfies(p -> {
            assertThat(p.code()).isEqualTo("source.ragged_row");
            assertThat(p.rejects()).isTrue();
        });
        // the column no field takes, and the ragged row's extra field, are kept in RAW
        List<String> extra = jdbc.sql("select _extra from raw.\"" + RawTable.tableName(r.code()) + "\" order by _row")
                .query(String.class).list();
        assertThat(extra.get(0)).contains("\"备注\":\"x\"");
        assertThat(extra.get(1)).contains("\"备注\":\"y\"").contains("\"#4\":\"多出来的\"");
    }
}
