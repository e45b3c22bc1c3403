package dev.banyan.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banyan.server.BanyanServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each module's migrations ran on the embedded PostgreSQL 17, into its own schema with its own history. */
@BanyanServerTest
class SchemaMigrationsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseInfo database;

    @Test
    void runsOnEmbeddedPostgres17() {
        assertThat(database.embedded()).isTrue();
        assertThat(jdbc.sql("show server_version_num").query(Integer.class).single()).isBetween(170000, 179999);
        // A commit is on disk when it returns: acknowledged evidence and landed batches survive a power cut too.
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void identitySchemaHasItsTablesAndItsOwnHistory() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'identity' order by 1")
                .query(String.class).list();
        assertThat(tables).contains("department", "user_account", "machine_client", "issued_token", "signing_key",
                "flyway_schema_history");
        assertThat(jdbc.sql("select count(*) from identity.flyway_schema_history where success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'flyway_schema_history'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void constraintsGuardTheData() {
        assertThatThrownBy(() -> jdbc.sql("insert into identity.department (code, name_zh, name_en, credit_code, level) values ('Bad Code', 'x', 'x', '91350100MA2Y123446', 'CITY')")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }
}
