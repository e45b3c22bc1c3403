package dev.banyan.synthcity;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepartmentDatabaseTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private final GeneratedCity city = GeneratedCities.of(Profile.HARD);

    @Test
    void loadsTheTransportDatabaseWithMatchingRowCountsAndIsIdempotent() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            DepartmentDatabase.load(c, city.dir());
            assertCounts(c);
            DepartmentDatabase.load(c, city.dir());
            assertCounts(c);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    private void assertCounts(Connection c) throws SQLException {
        for (String table : new String[]{"operators", "vehicles", "drivers"}) {
            JsonNode spec = city.dataset("transport", table);
            assertThat(count(c, "SELECT count(*) FROM transport." + table)).as(table)
                    .isEqualTo(spec.get("rows").asLong()).isPositive();
        }
    }

    @Test
    void columnsAreTypedAndCommented() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            DepartmentDatabase.load(c, city.dir());
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT data_type FROM information_schema.columns "
                         + "WHERE table_schema = 'transport' AND table_name = 'drivers' AND column_name = 'birth_date'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("date");
            }
            assertThat(count(c, "SELECT count(*) FROM transport.vehicles v JOIN transport.operators o "
                    + "ON o.record_id = v.operator_record_id"))
                    .isEqualTo(count(c, "SELECT count(*) FROM transport.vehicles"));
            assertThat(count(c, "SELECT count(*) FROM transport.drivers WHERE birth_date > DATE '2004-06-30'"))
                    .isZero();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT obj_description('transport.operators'::regclass)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("道路运输经营业户");
            }
        }
    }

    @Test
    void aFailedLoadLeavesThePreviousTablesInPlace() throws Exception {
        Path broken = Files.createTempDirectory("synthcity-broken-");
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            DepartmentDatabase.load(c, city.dir());
            Files.createDirectories(broken.resolve("transport"));
            Files.copy(city.dir().resolve("transport/operators.csv"), broken.resolve("transport/operators.csv"));
            Files.writeString(broken.resolve("transport/vehicles.csv"), "wrong,header\n");
            assertThatThrownBy(() -> DepartmentDatabase.load(c, broken)).isInstanceOf(IOException.class)
                    .hasMessageContaining("header");
            assertCounts(c);
        } finally {
            GeneratedCities.delete(broken);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
