package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.synthcity.DepartmentDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Serves the transport bureau's data as a live database of its own — the way many departments offer
 * their data — so that ingest can later read it over JDBC. On the embedded server it is the database
 * {@value #DATABASE}; with an external PostgreSQL it is a schema of Banyan's database.
 */
class LoadDepartmentDatabaseStep implements DemoStep {

    static final String DATABASE = "rongcheng_transport";

    private final DatabaseInfo database;
    private final Path cityDir;
    private final String user;
    private final String password;

    LoadDepartmentDatabaseStep(DatabaseInfo database, Path cityDir, String user, String password) {
        this.database = database;
        this.cityDir = cityDir;
        this.user = user;
        this.password = password;
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public String title() {
        return "Serve the transport bureau's database / 提供交通运输局业务库";
    }

    @Override
    public void run(DemoProgress progress) throws SQLException, java.io.IOException {
        String url = database.embedded() ? database.jdbcUrlFor(DATABASE) : database.jdbcUrl();
        if (database.embedded()) {
            try (Connection admin = DriverManager.getConnection(database.jdbcUrlFor("postgres"), user, password)) {
                var exists = admin.createStatement().executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
                if (!exists.next()) {
                    admin.createStatement().execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            var loaded = c.createStatement().executeQuery(
                    "select 1 from information_schema.schemata where schema_name = '" + DepartmentDatabase.SCHEMA + "'");
            if (loaded.next()) {
                progress.report("already loaded: " + url + " / 已加载");
                return;
            }
            DepartmentDatabase.load(c, cityDir);
        }
        progress.report("JDBC " + url + " (schema " + DepartmentDatabase.SCHEMA + ")");
    }
}
