package dev.banyan.server.ingest;

import dev.banyan.synthcity.DepartmentDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transport bureau's live database (embedded PostgreSQL 17), read in full and incrementally. */
class JdbcConnectorTest {

    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            DepartmentDatabase.load(c, TestCity.get().outDir());
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE big AS SELECT g AS id, md5(g::text) AS payload FROM generate_series(1, 200000) g");
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String single(String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void fullLoadOfEachTransportTableMatchesTheManifest() {
        for (String table : new String[]{"operators", "vehicles", "drivers"}) {
            var manifest = TestCity.dataset("transport", table);
            TestFiles.Read read = TestFiles.readAll(SourceSpec.builder("jdbc", url).table("transport." + table)
                    .expectedColumns(TestCity.columns(manifest)).fetchSize(3).build());
            assertThat(read.rows()).as(table).hasSize(manifest.get("rows").asInt());
            assertThat(read.columns()).containsExactlyElementsOf(TestCity.columns(manifest));
            assertThat(read.fingerprint().kind()).isEqualTo(SourceFingerprint.Kind.CONTENT);
        }
    }

    @Test
    void datesComeAsIsoTextAndTheSameTableGivesTheSameFingerprint() {
        SourceSpec spec = SourceSpec.builder("jdbc", url).query("SELECT record_id, birth_date FROM transport.drivers ORDER BY record_id")
                .build();
        TestFiles.Read once = TestFiles.readAll(spec);
        assertThat(once.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.value(1)).matches("\\d{4}-\\d\\d-\\d\\d"));
        assertThat(TestFiles.readAll(spec).fingerprint()).isEqualTo(once.fingerprint());
    }

    @Test
    void incrementalLoadReadsOnlyRowsAboveTheWatermark() throws Exception {
        SourceSpec full = SourceSpec.builder("jdbc", url).table("transport.vehicles").watermarkColumn("registered").build();
        String max;
        try (SourceReader reader = TestFiles.CONNECTORS.open(full)) {
            reader.forEach(r -> { });
            max = reader.highWatermark().orElseThrow();
        }
        assertThat(max).isEqualTo(single("SELECT max(registered)::text FROM transport.vehicles"));

        String middle = single("SELECT registered::text FROM transport.vehicles ORDER BY registered OFFSET "
                + "(SELECT count(*) / 2 FROM transport.vehicles) LIMIT 1");
        SourceSpec incremental = SourceSpec.builder("jdbc", url).table("transport.vehicles")
                .watermarkColumn("registered").watermarkValue(middle).build();
        TestFiles.Read read = TestFiles.readAll(incremental);
        assertThat((long) read.rows().size())
                .isEqualTo(count("SELECT count(*) FROM transport.vehicles WHERE registered > DATE '" + middle + "'"));
        int col = read.columns().indexOf("registered");
        assertThat(read.rows()).allSatisfy(r -> assertThat(r.value(col)).isGreaterThan(middle));

        SourceSpec nothingNew = SourceSpec.builder("jdbc", url).table("transport.vehicles")
                .watermarkColumn("registered").watermarkValue(max).build();
        try (SourceReader reader = TestFiles.CONNECTORS.open(nothingNew)) {
            assertThat(reader.next()).isNull();
            assertThat(reader.highWatermark()).isEmpty();
        }
    }

    @Test
    void aBadWatermarkValueIsExplained() {
        SourceSpec spec = SourceSpec.builder("jdbc", url).table("transport.vehicles").watermarkColumn("registered")
                .watermarkValue("last tuesday").build();
        assertThatThrownBy(() -> TestFiles.CONNECTORS.open(spec))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.BAD_OPTION))
                .hasMessageContaining("'last tuesday' does not fit");
    }

    @Test
    void aMissingTableOrAnUnreachableDatabaseIsExplained() {
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.builder("jdbc", url).table("transport.ships").build()))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo(SourceErrorCode.NOT_READABLE);
                    assertThat(e.where()).isEqualTo("table transport.ships");
                })
                .hasMessageContaining("does not exist");
        String dead = "jdbc:postgresql://127.0.0.1:1/none?password=hunter2";
        assertThatThrownBy(() -> TestFiles.readAll(SourceSpec.builder("jdbc", dead).table("t").timeout(
                java.time.Duration.ofSeconds(2)).build()))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.code()).isEqualTo(SourceErrorCode.NOT_READABLE))
                .hasMessageContaining("cannot connect").hasMessageNotContaining("hunter2");
    }

    @Test
    void aDatabaseThatDiesMidRunRaisesAClearError() throws Exception {
        String named = url + "&ApplicationName=banyan-ingest-dies";
        try (SourceReader reader = TestFiles.CONNECTORS.open(SourceSpec.builder("jdbc", named).table("big")
                .fetchSize(100).build())) {
            for (int i = 0; i < 150; i++) {
                assertThat(reader.next()).isNotNull();
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'banyan-ingest-dies'");
            }
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // the cursor still holds a fetched batch; the next fetch fails
                }
            }).isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.code()).isEqualTo(SourceErrorCode.SOURCE_FAILED);
                assertThat(e.where()).startsWith("after row ");
                assertThat(e.fix()).contains("nothing read in this run may be kept");
            });
            assertThat(reader.rowsRead()).isLessThan(200_000);
            assertThatThrownBy(reader::fingerprint).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aBigTableIsStreamedWithACursor() {
        TestFiles.Read read = TestFiles.readAll(SourceSpec.builder("jdbc", url).query("SELECT * FROM big").build());
        assertThat(read.rows()).hasSize(200_000);
    }
}
