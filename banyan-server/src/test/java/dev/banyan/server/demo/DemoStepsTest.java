package dev.banyan.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banyan.server.BanyanServerTest;
import dev.banyan.server.demo.internal.DemoLogins;
import dev.banyan.server.demo.internal.DemoRunner;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.DatabaseInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's steps, end to end on the test database: the second run finds everything done and changes nothing. */
@BanyanServerTest
class DemoStepsTest {

    @Autowired
    List<DemoStep> steps;

    @Autowired
    DepartmentDirectory departments;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DatabaseInfo database;

    @Test
    void runsInOrderAndIsIdempotent() throws Exception {
        String first = run();
        assertThat(first).contains("Generate the synthetic city", "Serve the transport bureau's database",
                "Register departments", "Create demo accounts");
        assertThat(first.indexOf("Generate")).isLessThan(first.indexOf("Register departments"));
        int departmentCount = departments.count();
        int accountCount = accounts.count();
        assertThat(departments.findByCode("civil-affairs")).isPresent();
        assertThat(accounts.findByUsername("cdo.civil-affairs")).isPresent();

        String second = run();
        assertThat(second).contains("already");
        assertThat(departments.count()).isEqualTo(departmentCount);
        assertThat(accounts.count()).isEqualTo(accountCount);

        // The transport bureau's data is a live database of its own, reachable over JDBC.
        try (Connection c = DriverManager.getConnection(database.jdbcUrlFor("rongcheng_transport"), "postgres", "");
             ResultSet tables = c.createStatement().executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'transport'")) {
            tables.next();
            assertThat(tables.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void printsTheAdministratorsPasswordAsItIsWhenServeRanBeforeTheDemo() throws Exception {
        // As with `./banyan serve` before `./banyan demo`: the test server started on an empty database and gave
        // `admin` a random password; the demo keeps that account as it is.
        run();
        assertThat(accounts.passwordIs("admin", "banyan-demo-2026")).isFalse();
        assertThat(accounts.passwordIs("cdo.civil-affairs", "banyan-demo-2026")).isTrue();

        List<String> lines = new DemoLogins(accounts).lines();
        assertThat(lines.getFirst()).contains("password / 密码: banyan-demo-2026");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("admin").endsWith("*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("cdo.civil-affairs").doesNotContain("*"));
        assertThat(String.join("\n", lines)).contains("* admin: password set before this demo, not banyan-demo-2026")
                .contains("printed when Banyan first started").contains("admin 的密码已在 Banyan 首次启动时显示");
    }

    private String run() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DemoRunner(steps, new PrintStream(out, true, StandardCharsets.UTF_8)).runAll();
        return out.toString(StandardCharsets.UTF_8);
    }
}
